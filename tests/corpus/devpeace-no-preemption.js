// Source: https://devpeace.com/javascript/5849106/how-does-settimeout-work-in-node-js (no preemption)
// Adapted: logs b, and a inside the timer, so node prints the values the answer discusses.
var a = 100;
setTimeout(function () {
a = 0;
console.log(a);
}, 0);
var b = a; // 100 or 0?
console.log(b);
