// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 48)
console.log(3 + 4 + "5");
