// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/04-promise-error-handling/article.md (Rethrowing: catch -> catch -> then)
// Adapted: alert() replaced by console.log() (node has no alert).
// the execution: catch -> catch -> then
new Promise((resolve, reject) => {

  throw new Error("Whoops!");

}).catch(function(error) { // (*)

  if (error instanceof URIError) {
    // handle it
  } else {
    console.log("Can't handle such error");

    throw error; // throwing this or another error jumps to the next catch
  }

}).then(function() {
  /* never runs here */
}).catch(error => { // (**)

  console.log(`The unknown error has occurred: ${error}`);
  // don't return anything => execution goes the normal way

});
