// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 58)
const name = "Lydia";
age = 21;

console.log(delete name);
console.log(delete age);
