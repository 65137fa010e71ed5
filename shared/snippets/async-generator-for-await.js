async function* numbers() {
  for (let i = 1; i <= 3; i++) {
    console.log('yield ' + i);
    yield i;
  }
}

async function consume() {
  for await (const n of numbers()) {
    console.log('got ' + n);
  }
  console.log('loop done');
}

consume();
console.log('sync end');
