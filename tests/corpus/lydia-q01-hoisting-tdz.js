// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 1)
function sayHi() {
  console.log(name);
  console.log(age);
  var name = "Lydia";
  let age = 21;
}

sayHi();
