// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/04-promise-error-handling/article.md (Rethrowing: catch -> then)
// Adapted: alert() replaced by console.log() (node has no alert).
// the execution: catch -> then
new Promise((resolve, reject) => {

  throw new Error("Whoops!");

}).catch(function(error) {

  console.log("The error is handled, continue normally");

}).then(() => console.log("Next successful handler runs"));
