// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/08-async-await/article.md (Can't use await in regular functions)
function f() {
  let promise = Promise.resolve(1);
  let result = await promise; // Syntax error
}
