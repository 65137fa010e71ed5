let count = 0;

setTimeout(() => console.log('timer sees ' + count), 0);

Promise.resolve().then(() => {
  console.log('then sees ' + count);
  count *= 2;
});

count = 10;
console.log('sync set ' + count);
count++;
