// Source: https://github.com/nodejs/node/blob/main/doc/api/process.md (process.exit: "This is an example of what *not* to do", mjs)
// Adapted: someConditionNotMet and printUsageToStdout defined (the page leaves them out); a timer shows the loop is abandoned.
import { exit } from 'node:process';

function someConditionNotMet() { return true; }
function printUsageToStdout() { console.log('usage: node app.mjs <file>'); }
setTimeout(() => console.log('never printed'), 10);

// This is an example of what *not* to do:
if (someConditionNotMet()) {
  printUsageToStdout();
  exit(1);
}
