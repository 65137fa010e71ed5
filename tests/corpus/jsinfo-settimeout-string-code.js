// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/06-advanced-functions/08-settimeout-setinterval/article.md (a string of code passed to setTimeout)
// Adapted: alert() replaced by console.log() inside the string (node has no alert).
setTimeout("console.log('Hello')", 1000);
