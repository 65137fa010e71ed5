// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 47)
const person = {
  name: "Lydia",
  age: 21
};

for (const item in person) {
  console.log(item);
}
