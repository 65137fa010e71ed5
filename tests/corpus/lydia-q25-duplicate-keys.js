// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 25)
const obj = { a: "one", b: "two", a: "three" };
console.log(obj);
