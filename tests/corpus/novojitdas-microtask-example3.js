// Source: https://github.com/novojitdas/node-first/blob/main/17_MICROTASK/example3.js
process.nextTick( () => console.log('nextTick 1'));
process.nextTick( () => {
      console.log('nextTick 2');
      process.nextTick( () => {
            console.log("nextTick in a nextTick");
      });
});
process.nextTick( () => console.log('nextTick 3'));

Promise.resolve().then( () => console.log('promise 1'));
Promise.resolve().then( () => {
      console.log('promise 2');
      process.nextTick( () => console.log('nextTick in a promise'));
});
Promise.resolve().then( () => console.log('promise 3'));
