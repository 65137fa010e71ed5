// Source: https://github.com/nodejs/node/blob/main/doc/api/events.md (Asynchronous vs. synchronous)
// Adapted: the MyEmitter class and require line added; a log after emit shows the listener's setImmediate runs later.
const EventEmitter = require('node:events');
class MyEmitter extends EventEmitter {}

const myEmitter = new MyEmitter();
myEmitter.on('event', (a, b) => {
  setImmediate(() => {
    console.log('this happens asynchronously');
  });
});
myEmitter.emit('event', 'a', 'b');
console.log('emit returned');
