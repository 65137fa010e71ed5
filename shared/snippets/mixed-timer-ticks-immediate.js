setTimeout(() => {
  console.log('timeout A');
  setTimeout(() => console.log('timeout from A'), 0);
  setImmediate(() => {
    console.log('immediate');
    process.nextTick(() => console.log('tick in immediate'));
  });
  Promise.resolve().then(() => {
    console.log('then in A');
    process.nextTick(() => console.log('tick in then'));
  });
  process.nextTick(() => console.log('tick in A'));
}, 0);
