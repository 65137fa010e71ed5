// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 7)
let a = 3;
let b = new Number(3);
let c = 3;

console.log(a == b);
console.log(a === b);
console.log(b === c);
