// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 2)
for (var i = 0; i < 3; i++) {
  setTimeout(() => console.log(i), 1);
}

for (let i = 0; i < 3; i++) {
  setTimeout(() => console.log(i), 1);
}
