setTimeout(() => console.log('first'), 10);
setTimeout(() => console.log('second'), 10);
setTimeout(() => console.log('third'), 10);

console.log('sync');
