// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 129)
const randomValue = 21;

function getInfo() {
  console.log(typeof randomValue);
  const randomValue = 'Lydia Hallie';
}

getInfo();
