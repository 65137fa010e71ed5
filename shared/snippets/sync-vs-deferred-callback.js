function callNow(callback) {
  callback('now');
}

function callLater(callback) {
  setTimeout(() => callback('later'), 0);
}

callLater((when) => console.log('A called ' + when));
callNow((when) => console.log('B called ' + when));
console.log('C sync');
