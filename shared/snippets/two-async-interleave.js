async function worker(name) {
  console.log(name + ' step 1');
  await null;
  console.log(name + ' step 2');
  await null;
  console.log(name + ' step 3');
}

worker('A');
worker('B');
console.log('both started');
