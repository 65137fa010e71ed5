// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/05-promise-api/article.md (Promise.any, all promises fail)
// Adapted: the errors are printed as String(err) (the error objects print their stack on several lines); delays shortened.
Promise.any([
  new Promise((resolve, reject) => setTimeout(() => reject(new Error("Ouch!")), 100)),
  new Promise((resolve, reject) => setTimeout(() => reject(new Error("Error!")), 200))
]).catch(error => {
  console.log(error.constructor.name); // AggregateError
  console.log(String(error.errors[0])); // Error: Ouch!
  console.log(String(error.errors[1])); // Error: Error!
});
