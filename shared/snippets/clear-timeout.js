const slow = setTimeout(() => console.log('slow (100 ms)'), 100);
const never = setTimeout(() => console.log('never printed'), 0);

clearTimeout(never);

setTimeout(() => {
  console.log('fast (10 ms) clears slow');
  clearTimeout(slow);
}, 10);

setTimeout(() => console.log('medium (50 ms)'), 50);

console.log('sync done');
