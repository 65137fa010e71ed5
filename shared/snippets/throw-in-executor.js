const p = new Promise(() => {
  console.log('executor starts');
  throw new Error('executor blew up');
});

p.catch((err) => console.log('caught: ' + err.message));

console.log('after new Promise');
