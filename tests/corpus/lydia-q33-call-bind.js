// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 33)
const person = { name: "Lydia" };

function sayHi(age) {
  console.log(`${this.name} is ${age}`);
}

sayHi.call(person, 21);
sayHi.bind(person, 21);
