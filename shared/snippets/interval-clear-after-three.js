let count = 0;

const id = setInterval(() => {
  count++;
  console.log('tick ' + count);
  if (count === 3) {
    clearInterval(id);
    console.log('interval cleared');
  }
}, 10);

console.log('interval started');
