// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/05-promise-api/article.md (Promise.all allows regular values)
// Adapted: alert() replaced by console.log().
Promise.all([
  new Promise((resolve, reject) => {
    setTimeout(() => resolve(1), 1000)
  }),
  2,
  3
]).then(console.log); // 1, 2, 3
