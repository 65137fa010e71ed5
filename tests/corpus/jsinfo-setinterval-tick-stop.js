// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/06-advanced-functions/08-settimeout-setinterval/article.md (setInterval)
// Adapted: alert() replaced by console.log() (node has no alert); 2000/5000 ms shortened to 20/50 ms.
// repeat with the interval of 2 seconds
let timerId = setInterval(() => console.log('tick'), 20);

// after 5 seconds stop
setTimeout(() => { clearInterval(timerId); console.log('stop'); }, 50);
