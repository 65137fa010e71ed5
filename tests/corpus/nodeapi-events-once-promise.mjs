// Source: https://github.com/nodejs/node/blob/main/doc/api/events.md (events.once, mjs)
// Adapted: logs err.message instead of the whole error, whose stack trace names node's internal files.
import { once, EventEmitter } from 'node:events';
import process from 'node:process';

const ee = new EventEmitter();

process.nextTick(() => {
  ee.emit('myevent', 42);
});

const [value] = await once(ee, 'myevent');
console.log(value);

const err = new Error('kaboom');
process.nextTick(() => {
  ee.emit('error', err);
});

try {
  await once(ee, 'myevent');
} catch (err) {
  console.log('error happened', err.message);
}
