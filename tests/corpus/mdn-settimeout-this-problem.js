// Source: https://developer.mozilla.org/en-US/docs/Web/API/Window/setTimeout (The "this" problem)
// Adapted: the call without arguments, which prints node's Timeout object on many lines, is left out; delays shortened.
const myArray = ["zero", "one", "two"];
myArray.myMethod = function (sProperty) {
  console.log(arguments.length > 0 ? this[sProperty] : this);
};

myArray.myMethod(); // prints "zero,one,two"
myArray.myMethod(1); // prints "one"

setTimeout(myArray.myMethod, 15, "1"); // prints "undefined" after 1.5 seconds
