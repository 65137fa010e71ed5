// Source: https://github.com/novojitdas/node-first/blob/main/20_Check_queue/example2.js
const fs = require('node:fs');
fs.readFile(__filename, () => {
      console.log("this is readFile");
      setImmediate( () => console.log("setImmediate in ReadFile"));
      process.nextTick( () => console.log('nextTick'));
      Promise.resolve().then( () => console.log("promise"));
});
process.nextTick( () => console.log('nextTick'));
Promise.resolve().then( () => console.log("promise"));
