// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/04-promise-error-handling/article.md (Unhandled rejections)
new Promise(function() {
  noSuchFunction(); // Error here (no such function)
})
  .then(() => {
    // zero or many promise handlers
  }); // without .catch at the end!
