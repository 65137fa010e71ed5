// Source: https://crucible-kappa.vercel.app/learn/engineering/nodejs/runtime-and-package-manager/the-event-loop-microtasks-process-nexttick
console.log("1");
setTimeout(() => console.log("2"), 0);
setImmediate(() => console.log("3"));
Promise.resolve().then(() => console.log("4"));
process.nextTick(() => console.log("5"));
console.log("6");
