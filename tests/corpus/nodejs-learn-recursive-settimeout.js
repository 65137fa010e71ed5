// Source: https://github.com/nodejs/nodejs.org/blob/main/apps/site/pages/en/learn/asynchronous-work/discover-javascript-timers.md (Recursive setTimeout)
// Adapted: a counter stops the recursion after three runs and logs each run; 1000 ms became 10 ms.
let runs = 0;
const myFunction = () => {
  // do something
  runs++;
  console.log('run', runs);
  if (runs < 3) setTimeout(myFunction, 10);
};

setTimeout(myFunction, 10);
