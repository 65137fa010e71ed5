setTimeout(() => {
  console.log('outer A');
  setTimeout(() => console.log('inner from A'), 0);
}, 0);

setTimeout(() => console.log('outer B'), 0);

console.log('main done');
