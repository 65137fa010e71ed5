// Source: https://github.com/nodejs/node/blob/main/doc/api/timers.md (timersPromises.setInterval, mjs)
// Adapted: counts iterations and stops after three instead of printing Date.now() (different on every run).
import {
  setInterval,
} from 'node:timers/promises';

const interval = 100;
let n = 0;
for await (const startTime of setInterval(interval, Date.now())) {
  n++;
  console.log('iteration', n);
  if (n === 3)
    break;
}
console.log('done');
