// Source: https://github.com/nodejs/node/blob/main/doc/api/process.md (Event: 'uncaughtException')
// Adapted: the require of fs that the page leaves out is added; 500 ms shortened to 50 ms.
const fs = require('fs');
process.on('uncaughtException', (err, origin) => {
  fs.writeSync(
    process.stderr.fd,
    `Caught exception: ${err}\n` +
    `Exception origin: ${origin}`
  );
});

setTimeout(() => {
  console.log('This will still run.');
}, 50);

// Intentionally cause an exception, but don't catch it.
nonexistentFunc();
console.log('This will not run.');
