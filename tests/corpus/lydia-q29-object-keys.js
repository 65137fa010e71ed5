// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 29)
const a = {};
const b = { key: "b" };
const c = { key: "c" };

a[b] = 123;
a[c] = 456;

console.log(a[b]);
