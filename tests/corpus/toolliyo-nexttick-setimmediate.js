// Source: https://toolliyo.com/tutorials/interview-qa/q/general-what-are-processnexttick-and-setimmediate-how-do-they-d
process.nextTick(() => console.log('nextTick'));
setImmediate(() => console.log('setImmediate'));
console.log('sync');
