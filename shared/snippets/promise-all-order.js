function wait(ms, label) {
  return new Promise((resolve) => {
    setTimeout(() => {
      console.log('done: ' + label);
      resolve(label);
    }, ms);
  });
}

Promise.all([wait(100, 'slow'), wait(10, 'fast'), wait(50, 'mid')])
  .then((labels) => console.log('all: ' + labels.join(', ')));
