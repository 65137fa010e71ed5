setTimeout(() => console.log('C (100 ms)'), 100);
setTimeout(() => console.log('A (0 ms)'), 0);
setTimeout(() => console.log('B (50 ms)'), 50);

console.log('timers scheduled');
