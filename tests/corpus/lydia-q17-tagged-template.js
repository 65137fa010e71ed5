// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 17)
function getPersonInfo(one, two, three) {
  console.log(one);
  console.log(two);
  console.log(three);
}

const person = "Lydia";
const age = 21;

getPersonInfo`${person} is ${age} years old`;
