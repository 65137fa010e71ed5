// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/06-advanced-functions/08-settimeout-setinterval/article.md (Nested setTimeout)
// Adapted: alert() replaced by console.log() (node has no alert); a counter stops it after three ticks and 2000 ms became 20 ms.
let ticks = 0;
let timerId = setTimeout(function tick() {
  console.log('tick');
  if (++ticks < 3) timerId = setTimeout(tick, 20); // (*)
}, 20);
