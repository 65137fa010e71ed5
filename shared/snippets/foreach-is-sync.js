const fruits = ['apple', 'pear', 'plum'];

setTimeout(() => console.log('timeout'), 0);

fruits.forEach((fruit) => {
  console.log('fruit: ' + fruit);
});

console.log('done');
