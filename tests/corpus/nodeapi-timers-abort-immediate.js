// Source: https://github.com/nodejs/node/blob/main/doc/api/timers.md (cancelling a promisified setImmediate with an AbortController, cjs)
const { setImmediate: setImmediatePromise } = require('node:timers/promises');

const ac = new AbortController();
const signal = ac.signal;

setImmediatePromise('foobar', { signal })
  .then(console.log)
  .catch((err) => {
    if (err.name === 'AbortError')
      console.error('The immediate was aborted');
  });

ac.abort();
