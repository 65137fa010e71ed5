// Source: https://github.com/novojitdas/node-first/blob/main/17_MICROTASK/example2.js
Promise.resolve().then( () => {
      console.log('Promise.resolve');
});

process.nextTick( () => console.log('process nextTick'));
