async function fail() {
  throw new Error('async failure');
}

try {
  fail().catch((err) => console.log('.catch got: ' + err.message));
  console.log('try block finished');
} catch (err) {
  console.log('try/catch got: ' + err.message);
}

async function main() {
  try {
    await fail();
  } catch (err) {
    console.log('await in try got: ' + err.message);
  }
}

main();
