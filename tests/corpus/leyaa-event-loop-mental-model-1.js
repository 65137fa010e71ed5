// Source: https://leyaa.ai/codefly/learn/nodejs/part-1/nodejs-event-loop-mental-model/challenge (first problem)
console.log('Start');
setTimeout(() => console.log('Timeout'), 0);
Promise.resolve().then(() => console.log('Promise'));
console.log('End');
