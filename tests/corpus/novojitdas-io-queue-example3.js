// Source: https://github.com/novojitdas/node-first/blob/main/19_IO_QUEUE/example3.js
const fs = require('node:fs');

fs.readFile(__filename, () => {
      console.log("this is readFile");
});
process.nextTick( () => console.log('nextTick'));
Promise.resolve().then( () => console.log("promise"));
setTimeout( () => console.log("setTimeout"),0);
