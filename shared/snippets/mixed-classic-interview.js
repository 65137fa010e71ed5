console.log('script start');

setTimeout(() => console.log('setTimeout'), 0);

Promise.resolve()
  .then(() => console.log('promise 1'))
  .then(() => console.log('promise 2'));

process.nextTick(() => console.log('nextTick'));

(async () => {
  console.log('async start');
  await null;
  console.log('async end');
})();

console.log('script end');
