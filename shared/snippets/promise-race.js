function runner(name, ms) {
  return new Promise((resolve) => {
    setTimeout(() => {
      console.log(name + ' crosses the line');
      resolve(name);
    }, ms);
  });
}

Promise.race([runner('tortoise', 50), runner('hare', 10)])
  .then((winner) => console.log('winner: ' + winner));

console.log('go!');
