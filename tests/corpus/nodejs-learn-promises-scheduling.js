// Source: https://github.com/nodejs/nodejs.org/blob/main/apps/site/pages/en/learn/asynchronous-work/discover-promises-in-nodejs.md (Scheduling Tasks in the Event Loop)
// Adapted: the three examples (queueMicrotask, process.nextTick, setImmediate) joined into one program.
queueMicrotask(() => {
  console.log('Microtask is executed');
});

console.log('Synchronous task is executed');

process.nextTick(() => {
  console.log('Next tick callback');
});

console.log('Synchronous task executed');

setImmediate(() => {
  console.log('Immediate callback');
});

console.log('Synchronous task executed');
