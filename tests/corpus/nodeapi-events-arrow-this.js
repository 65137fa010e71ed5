// Source: https://github.com/nodejs/node/blob/main/doc/api/events.md (Passing arguments and this to listeners, arrow function)
// Adapted: the MyEmitter class and require line from the page's introduction added.
const EventEmitter = require('node:events');
class MyEmitter extends EventEmitter {}

const myEmitter = new MyEmitter();
myEmitter.on('event', (a, b) => {
  console.log(a, b, this);
  // Prints: a b {}
});
myEmitter.emit('event', 'a', 'b');
