const tasks = [
  Promise.resolve('ok'),
  Promise.reject(new Error('boom')),
  new Promise((resolve) => setTimeout(() => resolve('late'), 10)),
];

Promise.allSettled(tasks).then((results) => {
  for (const r of results) {
    const detail = r.status === 'fulfilled' ? r.value : r.reason.message;
    console.log(r.status + ': ' + detail);
  }
});

console.log('waiting for all');
