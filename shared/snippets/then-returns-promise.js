Promise.resolve()
  .then(() => {
    console.log('A returns a promise');
    return Promise.resolve('a');
  })
  .then((v) => console.log('A next: ' + v));

Promise.resolve()
  .then(() => {
    console.log('B returns a value');
    return 'b';
  })
  .then((v) => console.log('B next: ' + v))
  .then(() => console.log('B third'))
  .then(() => console.log('B fourth'));
