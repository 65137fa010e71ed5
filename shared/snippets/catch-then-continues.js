Promise.resolve()
  .then(() => {
    console.log('step 1');
    throw new Error('step 1 failed');
  })
  .then(() => console.log('step 2 (skipped)'))
  .catch((err) => console.log('catch: ' + err.message))
  .then(() => console.log('after catch'));
