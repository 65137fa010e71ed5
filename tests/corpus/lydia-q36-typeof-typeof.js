// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 36)
console.log(typeof typeof 1);
