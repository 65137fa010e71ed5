// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 16)
let number = 0;
console.log(number++);
console.log(++number);
console.log(number);
