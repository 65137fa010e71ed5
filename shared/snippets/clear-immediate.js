let c;

setImmediate(() => {
  console.log('A clears C');
  clearImmediate(c);
});
setImmediate(() => console.log('B'));
c = setImmediate(() => console.log('C'));

console.log('three immediates queued');
