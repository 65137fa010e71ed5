// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/12-generators-iterators/1-generators/article.md (Generator functions)
// Adapted: alert(generator) replaced by console.log(String(generator)), the text alert shows.
function* generateSequence() {
  yield 1;
  yield 2;
  return 3;
}

// "generator function" creates "generator object"
let generator = generateSequence();
console.log(String(generator)); // [object Generator]
