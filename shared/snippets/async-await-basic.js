async function main() {
  console.log('main: start');
  const value = await Promise.resolve('data');
  console.log('main: got ' + value);
  return 'finished';
}

main().then((result) => console.log('then: ' + result));

console.log('after main()');
