// Source: https://github.com/nodejs/node/blob/main/doc/api/process.md (Event: 'beforeExit')
process.on('beforeExit', (code) => {
  console.log('Process beforeExit event with code: ', code);
});

process.on('exit', (code) => {
  console.log('Process exit event with code: ', code);
});

console.log('This message is displayed first.');
