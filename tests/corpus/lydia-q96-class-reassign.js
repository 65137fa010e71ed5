// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 96)
class Person {
  constructor() {
    this.name = 'Lydia';
  }
}

Person = class AnotherPerson {
  constructor() {
    this.name = 'Sarah';
  }
};

const member = new Person();
console.log(member.name);
