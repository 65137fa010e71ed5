// Source: https://github.com/nodejs/node/blob/main/doc/api/timers.md (timersPromises.setTimeout, cjs)
const {
  setTimeout,
} = require('node:timers/promises');

setTimeout(100, 'result').then((res) => {
  console.log(res);  // Prints 'result'
});
