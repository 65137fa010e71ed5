// Source: https://leyaa.ai/codefly/learn/nodejs/part-2/nodejs-why-timing-matters-in-nodejs/puzzle/13
console.log('start');
setTimeout(() => console.log('timeout'), 0);
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('nextTick'));
console.log('end');
