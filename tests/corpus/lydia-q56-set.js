// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 56)
const set = new Set([1, 1, 2, 3, 4]);

console.log(set);
