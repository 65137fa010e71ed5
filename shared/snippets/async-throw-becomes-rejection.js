async function risky() {
  console.log('risky starts');
  throw new Error('risky failed');
}

risky().catch((err) => console.log('caught: ' + err.message));

console.log('risky returned a promise');
