// Source: https://leyaa.ai/codefly/learn/javascript/part-3/javascript-event-loop-overview/challenge (question 4)
setTimeout(() => { throw new Error('Oops'); }, 0); Promise.reject('Fail').catch(e => console.log('Caught:', e));
