// Source: https://github.com/nodejs/node/blob/main/doc/api/events.md (introduction, mjs)
import { EventEmitter } from 'node:events';

class MyEmitter extends EventEmitter {}

const myEmitter = new MyEmitter();
myEmitter.on('event', () => {
  console.log('an event occurred!');
});
myEmitter.emit('event');
