Promise.resolve()
  .then(() => {
    console.log('outer 1');
    Promise.resolve().then(() => console.log('inner'));
  })
  .then(() => console.log('outer 2'));

Promise.resolve().then(() => console.log('other'));
