const words = ['one', 'two', 'three'];

for (let i = 0; i < words.length; i++) {
  const delay = (words.length - i) * 20;
  setTimeout(() => console.log(i + ': ' + words[i]), delay);
}

console.log('scheduled ' + words.length + ' timers');
