// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 46)
let person = { name: "Lydia" };
const members = [person];
person = null;

console.log(members);
