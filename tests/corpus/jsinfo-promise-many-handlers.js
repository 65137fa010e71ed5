// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/03-promise-chaining/article.md (several handlers on one promise)
// Adapted: alert() replaced by console.log() (node has no alert).
let promise = new Promise(function(resolve, reject) {
  setTimeout(() => resolve(1), 1000);
});

promise.then(function(result) {
  console.log(result); // 1
  return result * 2;
});

promise.then(function(result) {
  console.log(result); // 1
  return result * 2;
});

promise.then(function(result) {
  console.log(result); // 1
  return result * 2;
});
