// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 4)
// Adapted: the two expressions are wrapped in console.log so node prints them.
console.log(+true);
console.log(!"Lydia");
