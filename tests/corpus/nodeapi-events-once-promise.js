// Source: https://github.com/nodejs/node/blob/main/doc/api/events.md (events.once, cjs)
// Adapted: logs err.message instead of the whole error, whose stack trace names node's internal files.
const { once, EventEmitter } = require('node:events');

async function run() {
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
}

run();
