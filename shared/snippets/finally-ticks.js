Promise.resolve('A')
  .finally(() => console.log('finally'))
  .then((v) => console.log('after finally: ' + v));

Promise.resolve()
  .then(() => console.log('step 1'))
  .then(() => console.log('step 2'))
  .then(() => console.log('step 3'))
  .then(() => console.log('step 4'));
