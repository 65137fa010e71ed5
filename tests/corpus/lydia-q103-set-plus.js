// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 103)
const set = new Set();

set.add(1);
set.add('Lydia');
set.add({ name: 'Lydia' });

for (let item of set) {
  console.log(item + 2);
}
