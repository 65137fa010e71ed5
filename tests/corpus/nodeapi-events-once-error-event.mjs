// Source: https://github.com/nodejs/node/blob/main/doc/api/events.md (events.once waiting for 'error' itself, mjs)
import { EventEmitter, once } from 'node:events';

const ee = new EventEmitter();

once(ee, 'error')
  .then(([err]) => console.log('ok', err.message))
  .catch((err) => console.log('error', err.message));

ee.emit('error', new Error('boom'));

// Prints: ok boom
