// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 79)
const myLifeSummedUp = ['☕', '💻', '🍷', '🍫'];

for (let item in myLifeSummedUp) {
  console.log(item);
}

for (let item of myLifeSummedUp) {
  console.log(item);
}
