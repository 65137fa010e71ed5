// Source: https://devpeace.com/javascript/5849106/how-does-settimeout-work-in-node-js
// Adapted: the busy-wait shortened from 5000 ms to 200 ms.
setTimeout(function () {
console.log('boo')
}, 100)
var end = Date.now() + 200
while (Date.now() < end) ;
console.log('imma let you finish but blocking the event loop is the best bug of all TIME')
