// Source: https://atypicalesper.github.io/dev-atlas/javascript/01-javascript-fundamentals/01-event-loop/05-tricky-questions (Q3)
async function foo() {
  console.log('foo start');
  await bar();
  console.log('foo end');
}

async function bar() {
  console.log('bar');
}

console.log('before');
foo();
console.log('after');
