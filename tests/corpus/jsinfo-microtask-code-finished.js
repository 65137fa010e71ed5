// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/07-microtask-queue/article.md
// Adapted: alert() replaced by console.log() (node has no alert).
let promise = Promise.resolve();

promise.then(() => console.log("promise done!"));

console.log("code finished"); // this alert shows first
