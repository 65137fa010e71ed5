const fs = require('fs');

fs.promises.readFile(__filename)
  .then(() => {
    console.log('read resolved');
    process.nextTick(() => console.log('tick after read'));
    return 'next';
  })
  .then((v) => console.log('chained: ' + v));

process.nextTick(() => console.log('tick in main'));
console.log('read started');
