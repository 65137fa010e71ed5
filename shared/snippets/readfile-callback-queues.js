const fs = require('fs');

fs.readFile(__filename, () => {
  console.log('read callback');
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
  Promise.resolve().then(() => console.log('promise'));
  process.nextTick(() => console.log('nextTick'));
  console.log('read callback end');
});
