// Source: https://github.com/novojitdas/node-first/blob/main/18_TIMER_QUEUE/example3.js
setTimeout(() => console.log('setTimeout 1'),1000);
setTimeout(() => console.log('setTimeout 2'),500);
setTimeout(() => console.log('setTimeout 3'),0);
