// Source: https://leyaa.ai/codefly/learn/javascript/part-3/javascript-event-loop-overview/challenge (question 1)
console.log('Start'); setTimeout(() => console.log('Timeout'), 0); Promise.resolve().then(() => console.log('Promise')); console.log('End');
