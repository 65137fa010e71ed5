// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 51)
function getInfo(member, year) {
  member.name = "Lydia";
  year = "1998";
}

const person = { name: "Sarah" };
const birthYear = "1997";

getInfo(person, birthYear);

console.log(person, birthYear);
