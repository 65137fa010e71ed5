const fs = require('fs');

fs.readFile(__filename, () => {
  console.log('file read');
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
});

console.log('reading...');
