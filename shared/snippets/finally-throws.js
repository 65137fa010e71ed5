Promise.resolve('ok')
  .finally(() => {
    console.log('finally throws');
    throw new Error('from finally');
  })
  .then((v) => console.log('then: ' + v))
  .catch((err) => console.log('catch: ' + err.message));

Promise.resolve()
  .then(() => console.log('other 1'))
  .then(() => console.log('other 2'));
