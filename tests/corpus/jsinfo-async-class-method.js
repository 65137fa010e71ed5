// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/08-async-await/article.md (Async class methods)
// Adapted: alert() replaced by console.log() (node has no alert).
class Waiter {
  async wait() {
    return await Promise.resolve(1);
  }
}

new Waiter()
  .wait()
  .then(console.log); // 1 (this is the same as (result => alert(result)))
