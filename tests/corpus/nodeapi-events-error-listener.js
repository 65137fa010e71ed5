// Source: https://github.com/nodejs/node/blob/main/doc/api/events.md (Error events: with a listener)
// Adapted: the MyEmitter class and require line added; a log after emit.
const EventEmitter = require('node:events');
class MyEmitter extends EventEmitter {}

const myEmitter = new MyEmitter();
myEmitter.on('error', (err) => {
  console.error('whoops! there was an error');
});
myEmitter.emit('error', new Error('whoops!'));
// Prints: whoops! there was an error
console.log('still running');
