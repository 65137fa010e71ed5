// Source: https://github.com/nodejs/node/blob/main/doc/api/events.md (removeListener removes the most recently added instance)
// Adapted: require line added.
const EventEmitter = require('node:events');
const ee = new EventEmitter();

function pong() {
  console.log('pong');
}

ee.on('ping', pong);
ee.once('ping', pong);
ee.removeListener('ping', pong);

ee.emit('ping');
ee.emit('ping');
