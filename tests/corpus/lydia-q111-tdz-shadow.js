// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 111)
let name = 'Lydia';

function getName() {
  console.log(name);
  let name = 'Sarah';
}

getName();
