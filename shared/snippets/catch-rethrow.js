Promise.reject(new Error('first'))
  .catch((err) => {
    console.log('catch 1: ' + err.message);
    throw new Error('second');
  })
  .then(() => console.log('then (skipped)'))
  .catch((err) => console.log('catch 2: ' + err.message))
  .finally(() => console.log('finally'));
