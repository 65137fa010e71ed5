// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 61)
const person = { name: "Lydia" };

Object.defineProperty(person, "age", { value: 21 });

console.log(person);
console.log(Object.keys(person));
