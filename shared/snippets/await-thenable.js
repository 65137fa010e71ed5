const thenable = {
  then(onFulfilled) {
    console.log('then() called by await');
    onFulfilled('thenable value');
  },
};

async function run() {
  console.log('run: before await');
  const value = await thenable;
  console.log('run: ' + value);
}

run();
Promise.resolve()
  .then(() => console.log('micro 1'))
  .then(() => console.log('micro 2'));
console.log('sync end');
