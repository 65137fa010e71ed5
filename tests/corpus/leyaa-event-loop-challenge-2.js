// Source: https://leyaa.ai/codefly/learn/javascript/part-3/javascript-event-loop-overview/challenge (question 2)
console.log('1'); setTimeout(() => console.log('2'), 100); setTimeout(() => console.log('3'), 0); Promise.resolve().then(() => console.log('4')); console.log('5');
