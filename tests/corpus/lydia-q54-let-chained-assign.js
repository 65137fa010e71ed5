// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 54)
(() => {
  let x = (y = 10);
})();

console.log(typeof x);
console.log(typeof y);
