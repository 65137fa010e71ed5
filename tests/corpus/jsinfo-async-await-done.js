// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/08-async-await/article.md (Await)
// Adapted: alert() replaced by console.log() (node has no alert).
async function f() {

  let promise = new Promise((resolve, reject) => {
    setTimeout(() => resolve("done!"), 1000)
  });

  let result = await promise; // wait until the promise resolves (*)

  console.log(result); // "done!"
}

f();
