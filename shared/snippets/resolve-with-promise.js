const inner = Promise.resolve('inner');

new Promise((resolve) => resolve(inner))
  .then(() => console.log('resolved with a promise'));

Promise.resolve()
  .then(() => console.log('tick 1'))
  .then(() => console.log('tick 2'))
  .then(() => console.log('tick 3'));
