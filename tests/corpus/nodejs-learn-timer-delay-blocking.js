// Source: https://github.com/nodejs/nodejs.org/blob/main/apps/site/pages/en/learn/asynchronous-work/event-loop-timers-and-nexttick.md (timers phase: a 100 ms timer and a slow callback)
// Adapted: reads __filename instead of '/path/to/file', and prints whether the delay reached the
// threshold instead of the delay in ms (which differs on every run).
const fs = require('node:fs');

function someAsyncOperation(callback) {
  // Assume this takes 95ms to complete
  fs.readFile(__filename, callback);
}

const timeoutScheduled = Date.now();

setTimeout(() => {
  const delay = Date.now() - timeoutScheduled;

  console.log(delay >= 100 ? 'at least 100ms have passed since I was scheduled' : 'too early');
}, 100);

// do someAsyncOperation which takes 95 ms to complete
someAsyncOperation(() => {
  const startCallback = Date.now();

  // do something that will take 10ms...
  while (Date.now() - startCallback < 10) {
    // do nothing
  }
  console.log('file read');
});
