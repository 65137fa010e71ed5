const fs = require('fs');

fs.readFile(__filename, () => {
  console.log('first read done');

  fs.readFile(__filename, () => {
    console.log('second read done');
    process.nextTick(() => console.log('tick after second read'));
  });

  setImmediate(() => console.log('immediate after first read'));
});

console.log('started first read');
