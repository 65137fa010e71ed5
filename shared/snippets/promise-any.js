const fail = (msg) => Promise.reject(new Error(msg));

Promise.any([fail('a'), Promise.resolve('b'), Promise.resolve('c')])
  .then((value) => console.log('any got ' + value));

Promise.any([fail('x'), fail('y')]).catch((err) => {
  console.log('any failed: ' + err.message);
  console.log('reasons: ' + err.errors.map((e) => e.message).join(' '));
});

console.log('sync');
