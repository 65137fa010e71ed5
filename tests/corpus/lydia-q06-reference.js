// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 6)
let c = { greeting: "Hey!" };
let d;

d = c;
c.greeting = "Hello";
console.log(d.greeting);
