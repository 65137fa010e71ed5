// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 28)
// Adapted: the call is wrapped in console.log so node prints its value.
String.prototype.giveLydiaPizza = () => {
  return "Just give Lydia pizza already!";
};

const name = "Lydia";

console.log(name.giveLydiaPizza());
