const fs = require('fs');

fs.readFile(__filename, () => {
  console.log('read');
  setTimeout(() => {
    console.log('timeout');
    Promise.resolve().then(() => console.log('then in timeout'));
  }, 0);
  setImmediate(() => {
    console.log('immediate');
    process.nextTick(() => console.log('tick in immediate'));
  });
  Promise.resolve().then(() => {
    console.log('then in read');
    process.nextTick(() => console.log('tick in then'));
  });
});
