for (var i = 0; i < 3; i++) {
  const label = 'timer ' + (i + 1);
  setTimeout(() => console.log(label + ' sees i = ' + i), 0);
}

console.log('loop ended with i = ' + i);
