function sleep(ms, label) {
  return new Promise((resolve) => {
    setTimeout(() => {
      console.log(label);
      resolve();
    }, ms);
  });
}

async function sequential() {
  await sleep(30, 'seq A (30 ms)');
  await sleep(30, 'seq B (30 ms more)');
  console.log('sequential done');
}

async function parallel() {
  await Promise.all([sleep(40, 'par A (40 ms)'), sleep(40, 'par B (40 ms)')]);
  console.log('parallel done');
}

sequential();
parallel();
