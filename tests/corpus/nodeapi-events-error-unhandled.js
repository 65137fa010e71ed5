// Source: https://github.com/nodejs/node/blob/main/doc/api/events.md (Error events: no listener)
// Adapted: the MyEmitter class and require line added; logs before and after show where the process stops.
const EventEmitter = require('node:events');
class MyEmitter extends EventEmitter {}

console.log('before');
const myEmitter = new MyEmitter();
myEmitter.emit('error', new Error('whoops!'));
// Throws and crashes Node.js
console.log('after');
