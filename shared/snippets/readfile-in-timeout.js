const fs = require('fs');

setTimeout(() => {
  console.log('timer fires, starts read');
  fs.readFile(__filename, () => {
    console.log('read done');
    setTimeout(() => console.log('timer after read'), 0);
    setImmediate(() => console.log('immediate after read'));
  });
  setImmediate(() => console.log('immediate after timer'));
}, 10);

console.log('main');
