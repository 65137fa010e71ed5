let ticks = 0;

const id = setInterval(() => {
  ticks++;
  console.log('interval tick ' + ticks);
  if (ticks === 2) {
    clearInterval(id);
    console.log('interval cleared');
  }
}, 40);

setTimeout(() => console.log('timeout 20'), 20);
setTimeout(() => console.log('timeout 60'), 60);
