function makeCounter(name) {
  let n = 0;
  return () => {
    n++;
    return name + ' ' + n;
  };
}

const a = makeCounter('a');
const b = makeCounter('b');

setTimeout(() => console.log(a()), 0);
Promise.resolve().then(() => console.log(b()));

console.log(a());
console.log(b());
