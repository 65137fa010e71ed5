// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 50)
// Adapted: the result is passed to console.log so node prints it.
console.log([1, 2, 3].map(num => {
  if (typeof num === "number") return;
  return num * 2;
}));
