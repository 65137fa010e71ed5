// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 60)
const user = { name: "Lydia", age: 21 };
const admin = { admin: true, ...user };

console.log(admin);
