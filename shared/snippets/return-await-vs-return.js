const p = Promise.resolve('value');

async function withAwait() {
  return await p;
}

async function withoutAwait() {
  return p;
}

withoutAwait().then(() => console.log('return p'));
withAwait().then(() => console.log('return await p'));

Promise.resolve()
  .then(() => console.log('tick 1'))
  .then(() => console.log('tick 2'))
  .then(() => console.log('tick 3'));
