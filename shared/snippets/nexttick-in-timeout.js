setTimeout(() => {
  console.log('timeout 1');
  Promise.resolve().then(() => console.log('promise in 1'));
  process.nextTick(() => console.log('nextTick in 1'));
}, 0);

setTimeout(() => console.log('timeout 2'), 0);
