// Source: https://github.com/nodejs/nodejs.org/blob/main/apps/site/pages/en/learn/asynchronous-work/asynchronous-flow-control.md (Thinking in Functions)
async function final(someInput) {
  return `${someInput} and terminated.`;
}

async function middleware(someInput) {
  const processedInput = `${someInput}touched by middleware, `;
  return await final(processedInput);
}

async function initiate() {
  const someInput = 'hello this is a function, ';
  // We await the result of the entire chain.
  const result = await middleware(someInput);
  console.log(result);
}

initiate();
// Output: hello this is a function, touched by middleware, and terminated.
