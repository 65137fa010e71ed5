// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 44)
function* generator(i) {
  yield i;
  yield i * 2;
}

const gen = generator(10);

console.log(gen.next().value);
console.log(gen.next().value);
