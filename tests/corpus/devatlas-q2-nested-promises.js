// Source: https://atypicalesper.github.io/dev-atlas/javascript/01-javascript-fundamentals/01-event-loop/05-tricky-questions (Q2)
Promise.resolve()
  .then(() => {
    console.log('A');
    return Promise.resolve('B');
  })
  .then(v => console.log(v));

Promise.resolve()
  .then(() => console.log('C'))
  .then(() => console.log('D'));
