// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/04-promise-error-handling/article.md (Implicit try..catch in handlers)
// Adapted: alert(x) replaced by console.log(String(x)), which prints the text alert shows.
new Promise((resolve, reject) => {
  resolve("ok");
}).then((result) => {
  blabla(); // no such function
}).catch(err => console.log(String(err))); // ReferenceError: blabla is not defined
