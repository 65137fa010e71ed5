// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/04-promise-error-handling/article.md (Implicit try..catch, reject)
// Adapted: alert replaced by console.log, which prints the error with its stack (several lines).
new Promise((resolve, reject) => {
  reject(new Error("Whoops!"));
}).catch(console.log); // Error: Whoops!
