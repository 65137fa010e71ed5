// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/05-promise-api/article.md (Promise.all)
// Adapted: alert() replaced by console.log(); delays shortened from 3000/2000/1000 ms to 300/200/100 ms.
Promise.all([
  new Promise(resolve => setTimeout(() => resolve(1), 300)), // 1
  new Promise(resolve => setTimeout(() => resolve(2), 200)), // 2
  new Promise(resolve => setTimeout(() => resolve(3), 100))  // 3
]).then(console.log); // 1,2,3 when promises are ready: each promise contributes an array member
