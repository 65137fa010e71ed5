const fs = require('fs');

fs.readFile(__filename, 'utf8', (err, text) => {
  console.log('err is ' + err);
  console.log('text is a ' + typeof text);
});

console.log('callback registered');
