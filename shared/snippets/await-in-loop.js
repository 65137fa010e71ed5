const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function countdown() {
  for (const n of [3, 2, 1]) {
    console.log('count ' + n);
    await sleep(10);
  }
  console.log('liftoff');
}

countdown();
console.log('countdown started');
