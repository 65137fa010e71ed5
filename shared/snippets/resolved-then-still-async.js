const ready = Promise.resolve('ready');
console.log('promise created');

ready.then((value) => console.log('then: ' + value));
console.log('then registered');

let total = 0;
for (let i = 1; i <= 1000; i++) {
  total += i;
}
console.log('loop total ' + total);
