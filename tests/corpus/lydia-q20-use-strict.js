// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 20)
function getAge() {
  "use strict";
  age = 21;
  console.log(age);
}

getAge();
