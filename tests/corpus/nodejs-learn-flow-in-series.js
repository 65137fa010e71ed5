// Source: https://github.com/nodejs/nodejs.org/blob/main/apps/site/pages/en/learn/asynchronous-work/asynchronous-flow-control.md (In series)
// Simulate an asynchronous operation and return a Promise.
const simulateAsyncOp = (id, durationMs) => new Promise(resolve => {
  console.log(`[${id}] Starting operation.`);
  setTimeout(() => {
    console.log(`[${id}] Finished operation.`);
    resolve(`Operation ${id} complete.`);
  }, durationMs);
});

const operations = [
  () => simulateAsyncOp(1, 500),
  () => simulateAsyncOp(2, 200),
  () => simulateAsyncOp(3, 300),
];

// Executes an array of asynchronous functions in series.
async function executeInSeries(asyncFunctions) {
  console.log("\n--- Starting In Series Execution ---");
  for (const fn of asyncFunctions) {
    const result = await fn(); // 'await' pauses here until the Promise resolves.
    console.log(`   Result: ${result}`);
  }
  console.log("--- All In Series operations completed ---");
}

(async () => {
  await executeInSeries(operations);
})();
