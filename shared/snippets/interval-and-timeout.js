let n = 0;

const id = setInterval(() => {
  n++;
  console.log('interval tick ' + n);
  if (n === 3) clearInterval(id);
}, 20);

setTimeout(() => console.log('timeout at 30 ms'), 30);

console.log('both scheduled');
