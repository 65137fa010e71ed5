// Source: https://github.com/nodejs/nodejs.org/blob/main/apps/site/pages/en/learn/asynchronous-work/the-nodejs-event-emitter.md
// Adapted: the page's ES-module import and its multiple-arguments fragment joined into one program.
import EventEmitter from 'node:events';

const eventEmitter = new EventEmitter();

eventEmitter.on('start', (start, end) => {
  console.log(`started from ${start} to ${end}`);
});

eventEmitter.emit('start', 1, 100);
