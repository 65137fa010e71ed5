// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 104)
// Adapted: the expression is wrapped in console.log so node prints it.
console.log(Promise.resolve(5));
