// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/2-ui/99-ui-misc/03-event-loop/article.md (Macrotasks and Microtasks)
// Adapted: alert() replaced by console.log() (node has no alert).
setTimeout(() => console.log("timeout"));

Promise.resolve()
  .then(() => console.log("promise"));

console.log("code");
