const p = Promise.resolve('p');

Promise.resolve(p).then(() => console.log('Promise.resolve(p)'));
new Promise((r) => r(p)).then(() => console.log('new Promise(r => r(p))'));

Promise.resolve()
  .then(() => console.log('plain 1'))
  .then(() => console.log('plain 2'))
  .then(() => console.log('plain 3'));

console.log('same object? ' + (Promise.resolve(p) === p));
