console.log('start');

setTimeout(() => {
  console.log('timeout');
}, 0);

console.log('end');
