// Source: https://github.com/nodejs/node/blob/main/doc/api/events.md (emitter.on and prependListener)
// Adapted: require line added.
const EventEmitter = require('node:events');
const myEE = new EventEmitter();
myEE.on('foo', () => console.log('a'));
myEE.prependListener('foo', () => console.log('b'));
myEE.emit('foo');
