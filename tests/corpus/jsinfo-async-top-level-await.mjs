// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/11-async/08-async-await/article.md (top-level await in modules)
// Adapted: fetch of user.json replaced by a promise resolving to the same JSON text, so it runs offline.
let response = await Promise.resolve({ json: async () => ({ name: "iliakan", isAdmin: true }) });
let user = await response.json();

console.log(user);
