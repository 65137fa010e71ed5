// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 97)
const info = {
  [Symbol('a')]: 'b',
};

console.log(info);
console.log(Object.keys(info));
