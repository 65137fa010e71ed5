setTimeout(() => {
  console.log('timeout');
  setTimeout(() => console.log('timeout inside timeout'), 0);
  setImmediate(() => console.log('immediate inside timeout'));
}, 0);

console.log('sync');
