// Source: https://github.com/novojitdas/node-first/blob/main/20_Check_queue/example4.js
setTimeout( () => console.log('setTimeout'),0);
setImmediate( () => console.log('setImmediate'));
