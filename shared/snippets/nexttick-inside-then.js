Promise.resolve()
  .then(() => {
    console.log('then A1');
    process.nextTick(() => console.log('tick from A1'));
  })
  .then(() => console.log('then A2'));

Promise.resolve().then(() => console.log('then B1'));

process.nextTick(() => console.log('tick from main'));
