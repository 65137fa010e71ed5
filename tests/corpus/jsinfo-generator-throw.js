// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/12-generators-iterators/1-generators/article.md (generator.throw)
// Adapted: alert(e) replaced by console.log(String(e)), the text alert shows.
function* gen() {
  try {
    let result = yield "2 + 2 = ?"; // (1)

    console.log("The execution does not reach here, because the exception is thrown above");
  } catch(e) {
    console.log(String(e)); // shows the error
  }
}

let generator = gen();

let question = generator.next().value;

generator.throw(new Error("The answer is not found in my database")); // (2)
