// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 34)
function sayHi() {
  return (() => 0)();
}

console.log(typeof sayHi());
