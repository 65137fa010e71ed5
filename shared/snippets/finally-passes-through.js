Promise.reject(new Error('bad'))
  .finally(() => console.log('finally 1'))
  .catch((err) => {
    console.log('caught: ' + err.message);
    return 'recovered';
  })
  .finally(() => console.log('finally 2'))
  .then((v) => console.log('value: ' + v));

console.log('sync');
