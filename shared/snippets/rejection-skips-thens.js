Promise.reject(new Error('early'))
  .then(() => console.log('A then 1 (skipped)'))
  .then(() => console.log('A then 2 (skipped)'))
  .catch((err) => console.log('A caught ' + err.message));

Promise.resolve()
  .then(() => console.log('B 1'))
  .then(() => console.log('B 2'))
  .then(() => console.log('B 3'));
