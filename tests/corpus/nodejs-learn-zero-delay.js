// Source: https://github.com/nodejs/nodejs.org/blob/main/apps/site/pages/en/learn/asynchronous-work/discover-javascript-timers.md (Zero delay)
setTimeout(() => {
  console.log('after ');
}, 0);

console.log(' before ');
