// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/05-promise-api/article.md (Promise.allSettled polyfill)
// Adapted: the polyfill is installed under another name (node has Promise.allSettled) and used on three promises.
const rejectHandler = reason => ({ status: 'rejected', reason });

const resolveHandler = value => ({ status: 'fulfilled', value });

const allSettled = function (promises) {
  const convertedPromises = promises.map(p => Promise.resolve(p).then(resolveHandler, rejectHandler));
  return Promise.all(convertedPromises);
};

allSettled([Promise.resolve(1), Promise.reject('no'), 3]).then(results => {
  for (const r of results) console.log(r.status, r.value ?? r.reason);
});
