// Source: https://github.com/nodejs/nodejs.org/blob/main/apps/site/pages/en/learn/asynchronous-work/discover-promises-in-nodejs.md (Promise.any())
// Adapted: delays shortened from 2000/1000/1500 ms to 200/100/150 ms.
const { setTimeout: delay } = require('node:timers/promises');

const api1 = delay(200).then(() => 'API 1 success');
const api2 = delay(100).then(() => 'API 2 success');
const api3 = delay(150).then(() => 'API 3 success');

Promise.any([api1, api2, api3])
  .then(result => {
    console.log(result); // 'API 2 success' (since it resolves first)
  })
  .catch(error => {
    console.error('All promises rejected:', error);
  });
