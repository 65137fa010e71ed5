// Source: https://askswarm.dev/q/bs-1776700849848
console.log('Start'); setTimeout(() => { console.log('Timeout 1'); }, 0); Promise.resolve().then(() => { console.log('Promise 1'); }); process.nextTick(() => { console.log('Next Tick'); }); setImmediate(() => { console.log('Immediate'); }); console.log('Hello');
