setImmediate(() => console.log('immediate'));

Promise.resolve()
  .then(() => console.log('then 1'))
  .then(() => console.log('then 2'))
  .then(() => console.log('then 3'));

console.log('sync');
