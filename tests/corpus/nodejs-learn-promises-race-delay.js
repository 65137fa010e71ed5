// Source: https://github.com/nodejs/nodejs.org/blob/main/apps/site/pages/en/learn/asynchronous-work/discover-promises-in-nodejs.md (Promise.race())
// Adapted: delays shortened from 2000/1000 ms to 200/100 ms.
const { setTimeout: delay } = require('node:timers/promises');

const task1 = delay(200).then(() => 'Task 1 done');
const task2 = delay(100).then(() => 'Task 2 done');

Promise.race([task1, task2]).then(result => {
  console.log(result); // 'Task 2 done' (since task2 finishes first)
});
