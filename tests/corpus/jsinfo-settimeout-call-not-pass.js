// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/06-advanced-functions/08-settimeout-setinterval/article.md (Pass a function, but don't run it)
// Adapted: sayHi defined (it logs), as in the article's first example.
function sayHi() {
  console.log('Hello');
}

// wrong!
setTimeout(sayHi(), 1000);
