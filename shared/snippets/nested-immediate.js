setImmediate(() => {
  console.log('A');
  setImmediate(() => console.log('C (queued by A)'));
});

setImmediate(() => console.log('B'));
