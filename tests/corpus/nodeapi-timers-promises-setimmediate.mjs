// Source: https://github.com/nodejs/node/blob/main/doc/api/timers.md (timersPromises.setImmediate, mjs)
import {
  setImmediate,
} from 'node:timers/promises';

const res = await setImmediate('result');

console.log(res);  // Prints 'result'
