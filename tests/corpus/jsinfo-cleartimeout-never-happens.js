// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/06-advanced-functions/08-settimeout-setinterval/article.md (Canceling with clearTimeout)
// Adapted: alert() replaced by console.log(); the identifier is printed as typeof (node's Timeout object prints on many lines).
let timerId = setTimeout(() => console.log("never happens"), 1000);
console.log(typeof timerId); // timer identifier

clearTimeout(timerId);
console.log(typeof timerId); // same identifier (doesn't become null after canceling)
