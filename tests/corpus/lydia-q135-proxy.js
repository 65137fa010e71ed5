// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 135)
const handler = {
  set: () => console.log('Added a new property!'),
  get: () => console.log('Accessed a property!'),
};

const person = new Proxy({}, handler);

person.name = 'Lydia';
person.name;
