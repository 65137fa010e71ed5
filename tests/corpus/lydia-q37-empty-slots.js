// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 37)
const numbers = [1, 2, 3];
numbers[10] = 11;
console.log(numbers);
