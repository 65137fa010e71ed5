// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 125)
const myFunc = ({ x, y, z }) => {
  console.log(x, y, z);
};

myFunc(1, 2, 3);
