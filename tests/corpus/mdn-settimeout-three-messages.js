// Source: https://developer.mozilla.org/en-US/docs/Web/API/Window/setTimeout (Working with asynchronous functions)
// Adapted: delays shortened from 5000/3000/1000 ms to 50/30/10 ms.
setTimeout(() => {
  console.log("this is the first message");
}, 50);
setTimeout(() => {
  console.log("this is the second message");
}, 30);
setTimeout(() => {
  console.log("this is the third message");
}, 10);
