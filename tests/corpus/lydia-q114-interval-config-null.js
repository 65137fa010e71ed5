// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 114)
// Adapted: 1000 ms shortened to 10 ms and a timer stops the process after three ticks (the original never ends).
let config = {
  alert: setInterval(() => {
    console.log('Alert!');
  }, 10),
};

config = null;
setTimeout(() => process.exit(0), 35);
