// Source: https://github.com/novojitdas/node-first/blob/main/08_CALLBACK/callback.js
function greet(name){
      console.log(`Welcome ${name}!`);
}

function higherOrderFunction(callback){
      const name = "Novojit";
      callback(name);
}

higherOrderFunction(greet);
