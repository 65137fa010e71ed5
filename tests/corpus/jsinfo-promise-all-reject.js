// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/05-promise-api/article.md (Promise.all rejects)
// Adapted: alert(x) replaced by console.log(String(x)); delays shortened from 1000/2000/3000 ms to 100/200/300 ms.
Promise.all([
  new Promise((resolve, reject) => setTimeout(() => resolve(1), 100)),
  new Promise((resolve, reject) => setTimeout(() => reject(new Error("Whoops!")), 200)),
  new Promise((resolve, reject) => setTimeout(() => resolve(3), 300))
]).catch(err => console.log(String(err))); // Error: Whoops!
