setImmediate(() => console.log('immediate'));
queueMicrotask(() => console.log('microtask'));
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('then'));

console.log('sync');
