new Promise((resolve, reject) => {
  resolve('first');
  reject(new Error('ignored'));
  resolve('also ignored');
  console.log('executor keeps running');
})
  .then((v) => console.log('then: ' + v))
  .catch((err) => console.log('catch: ' + err.message));

console.log('end');
