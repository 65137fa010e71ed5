// Source: https://github.com/nodejs/nodejs.org/blob/main/apps/site/pages/en/learn/asynchronous-work/discover-promises-in-nodejs.md (Promise.try(), run as written under node 20)
function mightThrow() {
  if (Math.random() > 0.5) {
    throw new Error('Oops, something went wrong!');
  }
  return 'Success!';
}

Promise.try(mightThrow)
  .then(result => {
    console.log('Result:', result);
  })
  .catch(err => {
    console.error('Caught error:', err.message);
  });
