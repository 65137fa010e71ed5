async function loop() {
  for (let i = 1; i <= 3; i++) {
    await null;
    console.log('await ' + i);
  }
}

loop();

Promise.resolve()
  .then(() => console.log('then 1'))
  .then(() => console.log('then 2'))
  .then(() => console.log('then 3'));
