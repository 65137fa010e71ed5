// Source: https://leyaa.ai/codefly/learn/javascript/part-3/javascript-event-loop-overview/challenge (question 3)
console.log('A'); setTimeout(() => { console.log('B'); Promise.resolve().then(() => console.log('C')); }, 0); Promise.resolve().then(() => { console.log('D'); setTimeout(() => console.log('E'), 0); }); console.log('F');
