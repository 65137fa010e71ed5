// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 91)
let newList = [1, 2, 3].push(4);

console.log(newList.push(5));
