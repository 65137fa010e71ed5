// Source: https://github.com/novojitdas/node-first/blob/main/20_Check_queue/example3.js
setImmediate( () => console.log('setImmediate 1'));
setImmediate( () => {
      console.log('setImmediate 2');
      process.nextTick( () => console.log('nextTick'));
      Promise.resolve().then( () => console.log('resolve'));
});
setImmediate( () => console.log('setImmediate 3'));
