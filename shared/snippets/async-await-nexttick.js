async function job() {
  console.log('job start');
  await null;
  console.log('job resumed');
  process.nextTick(() => console.log('tick from job'));
  await null;
  console.log('job end');
}

process.nextTick(() => console.log('tick from main'));
job();
Promise.resolve().then(() => console.log('then'));
