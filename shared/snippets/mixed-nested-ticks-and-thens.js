process.nextTick(() => {
  console.log('tick 1');
  Promise.resolve().then(() => console.log('then from tick 1'));
  process.nextTick(() => console.log('tick from tick 1'));
});

Promise.resolve().then(() => {
  console.log('then 1');
  process.nextTick(() => console.log('tick from then 1'));
  Promise.resolve().then(() => console.log('then from then 1'));
});
