// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 53)
function Car() {
  this.make = "Lamborghini";
  return { make: "Maserati" };
}

const myCar = new Car();
console.log(myCar.make);
