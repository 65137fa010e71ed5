// Source: https://github.com/nodejs/nodejs.org/blob/main/apps/site/pages/en/learn/asynchronous-work/discover-promises-in-nodejs.md (Handling Promises with .then(), .catch(), and .finally())
const myPromise = new Promise((resolve, reject) => {
  let success = true;

  if (success) {
    resolve('Operation was successful!');
  } else {
    reject('Something went wrong.');
  }
});

myPromise
  .then(result => {
    console.log(result); // This will run if the Promise is fulfilled
  })
  .catch(error => {
    console.error(error); // This will run if the Promise is rejected
  })
  .finally(() => {
    console.log('The promise has completed'); // This will run when the Promise is settled
  });
