async function greet() {
  console.log('greet: start');
  await null;
  console.log('greet: after await');
}

console.log('before call');
greet();
console.log('after call');
