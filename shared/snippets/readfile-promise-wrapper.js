const fs = require('fs');

function read() {
  return new Promise((resolve, reject) => {
    console.log('executor starts the read');
    fs.readFile(__filename, (err) => (err ? reject(err) : resolve('file ok')));
  });
}

read().then((msg) => console.log('then: ' + msg));
Promise.resolve().then(() => console.log('other then'));

console.log('sync end');
