// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 95)
function nums(a, b) {
  if (a > b) console.log('a is bigger');
  else console.log('b is bigger');
  return
  a + b;
}

console.log(nums(4, 2));
console.log(nums(1, 2));
