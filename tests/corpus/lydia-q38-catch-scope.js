// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 38)
(() => {
  let x, y;
  try {
    throw new Error();
  } catch (x) {
    (x = 1), (y = 2);
    console.log(x);
  }
  console.log(x);
  console.log(y);
})();
