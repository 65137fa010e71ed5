Promise.resolve(1)
  .then((n) => {
    console.log('then got ' + n);
    return n + 1;
  })
  .then((n) => {
    console.log('next got ' + n);
    return n * 10;
  })
  .then((n) => console.log('last got ' + n));

console.log('chain built');
