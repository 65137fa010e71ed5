// Source: https://github.com/nodejs/nodejs.org/blob/main/apps/site/pages/en/learn/asynchronous-work/understanding-processnexttick.md (An Example of the order of events)
// Adapted: saved as an ES module (.mjs), for which the page gives a fixed order.
console.log('Hello => number 1');

setImmediate(() => {
  console.log('Running setImmediate in the check phase => number 3');
});

setTimeout(() => {
  console.log('Running setTimeout in the timers phase => number 4');
}, 0);

process.nextTick(() => {
  console.log('Running process.nextTick in the nextTick queue => number 2');
});
