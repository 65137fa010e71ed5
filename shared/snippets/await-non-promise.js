async function f() {
  console.log('f before await');
  await 42;
  console.log('f after await');
}

Promise.resolve()
  .then(() => console.log('then 1'))
  .then(() => console.log('then 2'));

f();
console.log('sync');
