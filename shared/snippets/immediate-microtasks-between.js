setImmediate(() => {
  console.log('immediate 1');
  Promise.resolve().then(() => console.log('promise from 1'));
});

setImmediate(() => console.log('immediate 2'));

console.log('sync');
