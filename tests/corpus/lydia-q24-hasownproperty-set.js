// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 24)
// Adapted: the four expressions are wrapped in console.log so node prints them.
const obj = { 1: "a", 2: "b", 3: "c" };
const set = new Set([1, 2, 3, 4, 5]);

console.log(obj.hasOwnProperty("1"));
console.log(obj.hasOwnProperty(1));
console.log(set.has("1"));
console.log(set.has(1));
