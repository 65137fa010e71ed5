// Source: https://my-blog-vivekkv.vercel.app/post/event-loop-puzzles (Puzzle 1 — Browser Basics)
console.log('A');
setTimeout(() => {
console.log('B');
}, 0);
Promise.resolve().then(() => {
console.log('C');
});
console.log('D');
