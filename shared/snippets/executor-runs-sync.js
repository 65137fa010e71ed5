console.log('before');

const p = new Promise((resolve) => {
  console.log('inside executor');
  resolve('done');
  console.log('after resolve');
});

p.then((value) => console.log('then: ' + value));

console.log('after');
