// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 99)
const name = 'Lydia';

console.log(name());
