async function* letters(name) {
  yield name + '1';
  yield name + '2';
}

async function read(name) {
  for await (const item of letters(name)) {
    console.log('read ' + item);
  }
  console.log(name + ' done');
}

read('a');
read('b');
console.log('started');
