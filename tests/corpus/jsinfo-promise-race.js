// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/05-promise-api/article.md (Promise.race)
// Adapted: alert() replaced by console.log(); delays shortened from 1000/2000/3000 ms to 100/200/300 ms.
Promise.race([
  new Promise((resolve, reject) => setTimeout(() => resolve(1), 100)),
  new Promise((resolve, reject) => setTimeout(() => reject(new Error("Whoops!")), 200)),
  new Promise((resolve, reject) => setTimeout(() => resolve(3), 300))
]).then(console.log); // 1
