// Source: https://atypicalesper.github.io/dev-atlas/javascript/01-javascript-fundamentals/01-event-loop/05-tricky-questions (Q1)
console.log('1');
setTimeout(() => console.log('2'), 0);
Promise.resolve().then(() => console.log('3'));
console.log('4');
