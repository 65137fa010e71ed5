// Source: https://github.com/nodejs/node/blob/main/doc/api/url.md (url.fileURLToPath, mjs)
// Adapted: the POSIX lines wrapped in console.log, and the file's own name printed instead of its full path (which depends on the checkout).
import { fileURLToPath } from 'node:url';

const __filename = fileURLToPath(import.meta.url);
console.log(__filename.split('/').pop());

console.log(new URL('file:///hello world').pathname);   // Incorrect: /hello%20world
console.log(fileURLToPath('file:///hello world'));      // Correct:   /hello world (POSIX)
