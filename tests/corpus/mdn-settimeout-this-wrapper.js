// Source: https://developer.mozilla.org/en-US/docs/Web/API/Window/setTimeout (The "this" problem: use a wrapper function)
// Adapted: the myArray definition from the same section added; delays shortened from 2000/2500 ms to 20/25 ms.
const myArray = ["zero", "one", "two"];
myArray.myMethod = function (sProperty) {
  console.log(arguments.length > 0 ? this[sProperty] : this);
};

setTimeout(function () {
  myArray.myMethod();
}, 20); // prints "zero,one,two" after 2 seconds
setTimeout(function () {
  myArray.myMethod("1");
}, 25); // prints "one" after 2.5 seconds
