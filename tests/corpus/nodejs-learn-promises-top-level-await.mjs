// Source: https://github.com/nodejs/nodejs.org/blob/main/apps/site/pages/en/learn/asynchronous-work/discover-promises-in-nodejs.md (Top-Level Await)
// Adapted: logs before and after the await (the page's module prints nothing); 1000 ms shortened to 100 ms.
import { setTimeout as delay } from 'node:timers/promises';

console.log('before');
await delay(100);
console.log('after');
