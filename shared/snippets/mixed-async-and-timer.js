async function step(name) {
  console.log(name + ' start');
  await new Promise((resolve) => setTimeout(resolve, 10));
  console.log(name + ' after timer');
}

step('A');
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('then'));

console.log('sync end');
