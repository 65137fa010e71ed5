// Source: https://github.com/nodejs/node/blob/main/doc/api/events.md (Handling events only once: once)
// Adapted: the MyEmitter class and require line added.
const EventEmitter = require('node:events');
class MyEmitter extends EventEmitter {}

const myEmitter = new MyEmitter();
let m = 0;
myEmitter.once('event', () => {
  console.log(++m);
});
myEmitter.emit('event');
// Prints: 1
myEmitter.emit('event');
// Ignored
