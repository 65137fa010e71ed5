// Source: https://github.com/novojitdas/node-first/blob/main/18_TIMER_QUEUE/example1.js
setTimeout( () => console.log("SetTimeOut 1"),0);
setTimeout( () => console.log("SetTimeOut 2"),0);
setTimeout( () => console.log("SetTimeOut 3"),0);

process.nextTick( () => console.log('nextTick 1'));
process.nextTick( () => {
      console.log('nextTick 2');
      process.nextTick( () => {
            console.log("nextTick in nextTick 2");
      });
});
process.nextTick( () => console.log('nextTick 3'));

Promise.resolve().then( () => console.log('promise 1'));
Promise.resolve().then( () => {
      console.log('promise 2');
      process.nextTick( () => console.log('nextTick in promise 2'));
});
Promise.resolve().then( () => console.log('promise 3'));
