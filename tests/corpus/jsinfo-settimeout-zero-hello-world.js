// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/06-advanced-functions/08-settimeout-setinterval/article.md (Zero delay setTimeout)
// Adapted: alert() replaced by console.log() (node has no alert).
setTimeout(() => console.log("World"));

console.log("Hello");
