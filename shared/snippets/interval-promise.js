function countTo(limit) {
  return new Promise((resolve) => {
    let n = 0;
    const id = setInterval(() => {
      n++;
      console.log('count ' + n);
      if (n === limit) {
        clearInterval(id);
        resolve(n);
      }
    }, 10);
  });
}

countTo(3).then((n) => console.log('reached ' + n));
console.log('counting...');
