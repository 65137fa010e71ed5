// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 138)
const add = x => x + x;

function myFunc(num = 2, value = add(num)) {
  console.log(num, value);
}

myFunc();
myFunc(3);
