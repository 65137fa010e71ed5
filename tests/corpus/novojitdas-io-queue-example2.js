// Source: https://github.com/novojitdas/node-first/blob/main/19_IO_QUEUE/example2.js
const fs = require('node:fs');

setTimeout(() => console.log('setTimeout'),0);

fs.readFile(__filename, () => {
      console.log("this is readFile");
});
