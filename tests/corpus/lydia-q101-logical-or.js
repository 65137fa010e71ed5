// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 101)
const one = false || {} || null;
const two = null || false || '';
const three = [] || 0 || true;

console.log(one, two, three);
