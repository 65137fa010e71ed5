// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 19)
function getAge(...args) {
  console.log(typeof args);
}

getAge(21);
