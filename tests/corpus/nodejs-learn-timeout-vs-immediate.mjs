// Source: https://github.com/nodejs/nodejs.org/blob/main/apps/site/pages/en/learn/asynchronous-work/event-loop-timers-and-nexttick.md (timeout_vs_immediate.js)
// Adapted: saved as an ES module (.mjs), where the module body runs after the loader's file read.
setTimeout(() => {
  console.log('timeout');
}, 0);

setImmediate(() => {
  console.log('immediate');
});
