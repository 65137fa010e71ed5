// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/12-generators-iterators/1-generators/article.md ("yield" is a two-way street: resume after some time)
// Adapted: alert() replaced by console.log() (node has no alert). The article's fragments joined into one program.
function* gen() {
  // Pass a question to the outer code and wait for an answer
  let result = yield "2 + 2 = ?"; // (*)

  console.log(result);
}

let generator = gen();

let question = generator.next().value; // <-- yield returns the value
console.log(question);

// resume the generator after some time
setTimeout(() => generator.next(4), 1000);
