// Source: https://github.com/nodejs/node/blob/main/doc/api/timers.md (timersPromises.setTimeout, mjs)
import {
  setTimeout,
} from 'node:timers/promises';

const res = await setTimeout(100, 'result');

console.log(res);  // Prints 'result'
