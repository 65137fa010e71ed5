// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 27)
for (let i = 1; i < 5; i++) {
  if (i === 3) continue;
  console.log(i);
}
