// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 30)
const foo = () => console.log("First");
const bar = () => setTimeout(() => console.log("Second"));
const baz = () => console.log("Third");

bar();
foo();
baz();
