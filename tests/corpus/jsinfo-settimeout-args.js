// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/06-advanced-functions/08-settimeout-setinterval/article.md (setTimeout with arguments)
// Adapted: alert() replaced by console.log() (node has no alert).
function sayHi(phrase, who) {
  console.log( phrase + ', ' + who );
}

setTimeout(sayHi, 1000, "Hello", "John"); // Hello, John
