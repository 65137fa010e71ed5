// Source: https://github.com/nodejs/node/blob/main/doc/api/timers.md (setImmediate: util.promisify variant)
// Adapted: the then callback logs the value (the page only comments it).
const util = require('util');
const setImmediatePromise = util.promisify(setImmediate);

setImmediatePromise('foobar').then((value) => {
  // value === 'foobar' (passing values is optional)
  // This is executed after all I/O callbacks.
  console.log(value);
});

// or with async function
async function timerExample() {
  console.log('Before I/O callbacks');
  await setImmediatePromise();
  console.log('After I/O callbacks');
}
timerExample();
