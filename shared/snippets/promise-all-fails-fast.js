function task(name, ms, fail) {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      console.log(name + ' finished');
      if (fail) reject(new Error(name + ' failed'));
      else resolve(name);
    }, ms);
  });
}

Promise.all([task('A', 50), task('B', 10, true), task('C', 100)])
  .then(() => console.log('all done'))
  .catch((err) => console.log('all rejected: ' + err.message));
