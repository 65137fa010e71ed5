// Source: https://github.com/nodejs/node/blob/main/doc/api/timers.md (setTimeout: util.promisify variant)
// Adapted: the then callback logs the value (the page only comments it).
const util = require('util');
const setTimeoutPromise = util.promisify(setTimeout);

setTimeoutPromise(40, 'foobar').then((value) => {
  // value === 'foobar' (passing values is optional)
  // This is executed after about 40 milliseconds.
  console.log(value);
});
