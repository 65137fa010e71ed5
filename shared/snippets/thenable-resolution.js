const thenable = {
  then(resolve) {
    console.log('thenable.then called');
    resolve('from thenable');
  },
};

Promise.resolve(thenable).then((v) => console.log('got ' + v));
Promise.resolve().then(() => console.log('first microtask'));

console.log('sync end');
