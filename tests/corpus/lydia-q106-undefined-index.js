// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 106)
const colorConfig = {
  red: true,
  blue: false,
  green: true,
  black: true,
  yellow: false,
};

const colors = ['pink', 'red', 'blue'];

console.log(colorConfig.colors[1]);
