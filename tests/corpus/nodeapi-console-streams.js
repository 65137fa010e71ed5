// Source: https://github.com/nodejs/node/blob/main/doc/api/console.md (console.log, console.error, console.info, console.warn)
// Adapted: the examples of the four sections joined into one program.
const count = 5;
console.log('count: %d', count);
// Prints: count: 5, to stdout
console.log('count:', count);
// Prints: count: 5, to stdout
const code = 5;
console.error('error #%d', code);
// Prints: error #5, to stderr
console.error('error', code);
// Prints: error 5, to stderr
console.info('count: %d', count);
const name = 'Will Robinson';
console.warn(`Danger ${name}! Danger!`);
// Prints: Danger Will Robinson! Danger!, to stderr
