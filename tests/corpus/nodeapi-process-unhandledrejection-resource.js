// Source: https://github.com/nodejs/node/blob/main/doc/api/process.md (Event: 'unhandledRejection': SomeResource)
// Adapted: a log at the end shows the script body finishes before node reports the rejection.
function SomeResource() {
  // Initially set the loaded status to a rejected promise
  this.loaded = Promise.reject(new Error('Resource not yet loaded!'));
}

const resource = new SomeResource();
// no .catch or .then on resource.loaded for at least a turn
console.log('resource created');
