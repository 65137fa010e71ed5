// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 40)
// Adapted: the result is passed to console.log so node prints it.
console.log([[0, 1], [2, 3]].reduce(
  (acc, cur) => {
    return acc.concat(cur);
  },
  [1, 2]
));
