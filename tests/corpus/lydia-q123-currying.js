// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 123)
const add = x => y => z => {
  console.log(x, y, z);
  return x + y + z;
};

add(4)(5)(6);
