// Source: https://github.com/nodejs/node/blob/main/doc/api/events.md (emitter.once and prependOnceListener)
// Adapted: require line added; a second emit shows both listeners are gone.
const EventEmitter = require('node:events');
const myEE = new EventEmitter();
myEE.once('foo', () => console.log('a'));
myEE.prependOnceListener('foo', () => console.log('b'));
myEE.emit('foo');
console.log(myEE.emit('foo'));
