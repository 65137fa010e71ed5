let n = 0;

const id = setInterval(() => {
  n++;
  console.log('tick ' + n);
  Promise.resolve().then(() => console.log('microtask after tick ' + n));
  if (n === 3) {
    clearInterval(id);
  }
}, 10);
