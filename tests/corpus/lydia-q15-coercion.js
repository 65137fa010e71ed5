// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 15)
// Adapted: the call is wrapped in console.log so node prints its value.
function sum(a, b) {
  return a + b;
}

console.log(sum(1, "2"));
