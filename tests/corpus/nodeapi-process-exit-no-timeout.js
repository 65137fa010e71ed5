// Source: https://github.com/nodejs/node/blob/main/doc/api/process.md (Event: 'exit': the timeout will never occur)
// Adapted: a log in the exit listener shows it ran.
process.on('exit', (code) => {
  setTimeout(() => {
    console.log('This will not run');
  }, 0);
  console.log(`About to exit with code: ${code}`);
});
