Promise.all([1, Promise.resolve(2), 3])
  .then((values) => console.log('all: ' + values.join('+')));

Promise.resolve()
  .then(() => console.log('then 1'))
  .then(() => console.log('then 2'))
  .then(() => console.log('then 3'));

console.log('sync');
