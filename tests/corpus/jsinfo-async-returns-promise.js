// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/08-async-await/article.md (Async functions)
// Adapted: alert() replaced by console.log() (node has no alert).
async function f() {
  return 1;
}

f().then(console.log); // 1
