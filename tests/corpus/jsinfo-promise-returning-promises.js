// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/03-promise-chaining/article.md (Returning promises)
// Adapted: alert() replaced by console.log() (node has no alert); delays shortened from 1000 ms to 100 ms to keep recording quick.
new Promise(function(resolve, reject) {

  setTimeout(() => resolve(1), 100);

}).then(function(result) {

  console.log(result); // 1

  return new Promise((resolve, reject) => { // (*)
    setTimeout(() => resolve(result * 2), 100);
  });

}).then(function(result) { // (**)

  console.log(result); // 2

  return new Promise((resolve, reject) => {
    setTimeout(() => resolve(result * 2), 100);
  });

}).then(function(result) {

  console.log(result); // 4

});
