// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/08-async-await/article.md (await accepts thenables)
// Adapted: alert() replaced by console.log() (node has no alert).
class Thenable {
  constructor(num) {
    this.num = num;
  }
  then(resolve, reject) {
    console.log(resolve);
    // resolve with this.num*2 after 1000ms
    setTimeout(() => resolve(this.num * 2), 1000); // (*)
  }
}

async function f() {
  // waits for 1 second, then result becomes 2
  let result = await new Thenable(1);
  console.log(result);
}

f();
