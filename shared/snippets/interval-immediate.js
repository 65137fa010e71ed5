let n = 0;

const id = setInterval(() => {
  n++;
  console.log('tick ' + n);
  setImmediate(() => console.log('immediate after tick ' + n));
  if (n === 2) {
    clearInterval(id);
  }
}, 10);

console.log('interval set');
