function startTicker(name, limit) {
  let n = 0;
  const id = setInterval(() => {
    n++;
    console.log(name + ' tick ' + n);
    if (n === limit) {
      clearInterval(id);
    }
  }, 20);
}

startTicker('A', 3);
startTicker('B', 2);
