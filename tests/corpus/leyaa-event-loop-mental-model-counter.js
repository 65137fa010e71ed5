// Source: https://leyaa.ai/codefly/learn/nodejs/part-1/nodejs-event-loop-mental-model/challenge (final value of counter)
// Adapted: logs counter after each step so node prints the values the question asks about.
let counter = 0;
setTimeout(() => { counter += 1; console.log(counter); }, 0);
Promise.resolve().then(() => { counter += 2; console.log(counter); });
counter += 3;
console.log(counter);
