// Source: https://programmerteach.com/p/the-order-in-which-the-queue-is-executed
// Adapted: the <script> tags around the code removed.
console.log("script start");
async function async1(){
await async2();
console.log("async1 end");
}
async function async2(){
console.log("async2 end");
}
async1();
setTimeout(function(){
console.log("setTimeout")
},0);
new Promise(resolve => {
console.log("Promise");
resolve()
}).then(function(){
console.log("Promise1");
}).then(function(){
console.log("Promise2");
});
console.log("script end");
