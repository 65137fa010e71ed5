// Source: https://github.com/nodejs/nodejs.org/blob/main/apps/site/pages/en/learn/asynchronous-work/event-loop-timers-and-nexttick.md (apiCall passing an error through process.nextTick)
// Adapted: added a call of apiCall and a log after it, so the snippet prints something.
function apiCall(arg, callback) {
  if (typeof arg !== 'string') {
    return process.nextTick(
      callback,
      new TypeError('argument should be string')
    );
  }
}

apiCall(42, (err) => console.log(err.message));
console.log('rest of the user code');
