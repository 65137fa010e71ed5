// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 84)
function checkAge(age) {
  if (age < 18) {
    const message = "Sorry, you're too young.";
  } else {
    const message = "Yay! You're old enough!";
  }

  return message;
}

console.log(checkAge(21));
