// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 9)
let greeting;
greetign = {}; // Typo!
console.log(greetign);
