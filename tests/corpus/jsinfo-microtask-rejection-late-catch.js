// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/07-microtask-queue/article.md (Unhandled rejection, handled later)
// Adapted: alert() replaced by console.log() (node has no alert); the browser-only window.addEventListener line removed.
let promise = Promise.reject(new Error("Promise Failed!"));
setTimeout(() => promise.catch(err => console.log('caught')), 1000);
