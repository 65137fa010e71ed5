// Source: https://github.com/nodejs/nodejs.org/blob/main/apps/site/pages/en/learn/asynchronous-work/discover-promises-in-nodejs.md (Promise.all())
// Adapted: delays shortened from 1000/2000 ms to 100/200 ms.
const { setTimeout: delay } = require('node:timers/promises');

const fetchData1 = delay(100).then(() => 'Data from API 1');
const fetchData2 = delay(200).then(() => 'Data from API 2');

Promise.all([fetchData1, fetchData2])
  .then(results => {
    console.log(results); // ['Data from API 1', 'Data from API 2']
  })
  .catch(error => {
    console.error('Error:', error);
  });
