// Source: https://github.com/nodejs/nodejs.org/blob/main/apps/site/pages/en/learn/asynchronous-work/discover-javascript-timers.md (clearTimeout)
// Adapted: the timer logs, and a log after clearTimeout shows the program ends without it.
const id = setTimeout(() => {
  // should run after 2 seconds
  console.log('timer ran');
}, 2000);

// I changed my mind
clearTimeout(id);
console.log('cleared');
