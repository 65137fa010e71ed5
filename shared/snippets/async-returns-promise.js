async function getNumber() {
  return 7;
}

const result = getNumber();
console.log('is a promise: ' + (result instanceof Promise));

result.then((n) => console.log('resolved with ' + n));

console.log('end of script');
