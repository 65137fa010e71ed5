async function a() {
  console.log('a1');
  await b();
  console.log('a2');
}

async function b() {
  console.log('b1');
}

process.nextTick(() => console.log('tick'));
a();
new Promise((resolve) => {
  console.log('p executor');
  resolve();
}).then(() => console.log('p then'));
setImmediate(() => console.log('immediate'));

console.log('end');
