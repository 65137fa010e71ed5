const fsp = require('fs/promises');

async function main() {
  console.log('before await');
  await fsp.readFile(__filename);
  console.log('after await');
  setTimeout(() => console.log('timeout after read'), 0);
  setImmediate(() => console.log('immediate after read'));
}

main();
setImmediate(() => console.log('immediate in main'));
console.log('main returned');
