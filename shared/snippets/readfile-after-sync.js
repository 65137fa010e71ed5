const fs = require('fs');

console.log('start reading');

fs.readFile(__filename, 'utf8', (err) => {
  console.log('file loaded: ' + (err ? 'error' : 'ok'));
});

Promise.resolve().then(() => console.log('promise'));
process.nextTick(() => console.log('nextTick'));

console.log('end of script');
