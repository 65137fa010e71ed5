queueMicrotask(() => console.log('queueMicrotask'));
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('then'));

queueMicrotask(() => {
  console.log('microtask 2');
  process.nextTick(() => console.log('nextTick from microtask'));
});

console.log('sync');
