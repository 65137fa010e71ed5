// Source: https://github.com/novojitdas/node-first/blob/main/17_MICROTASK/example1.js
console.log("Console Log 1");
process.nextTick(() => console.log("nextTick"));
console.log("Console Log 2");
