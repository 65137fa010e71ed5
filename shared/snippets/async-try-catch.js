async function load() {
  throw new Error('load failed');
}

async function main() {
  try {
    console.log('calling load');
    await load();
    console.log('never here');
  } catch (err) {
    console.log('caught: ' + err.message);
  } finally {
    console.log('finally runs');
  }
}

main().then(() => console.log('main resolved'));
console.log('sync end');
