// Source: https://github.com/nodejs/node/blob/main/doc/api/process.md (process.exit: "How to properly set the exit code while letting the process exit gracefully")
// Adapted: someConditionNotMet and printUsageToStdout defined (the page leaves them out); a timer shows the loop still runs.
function someConditionNotMet() { return true; }
function printUsageToStdout() { console.log('usage: node app.js <file>'); }
setTimeout(() => console.log('pending work still runs'), 10);

// How to properly set the exit code while letting
// the process exit gracefully.
if (someConditionNotMet()) {
  printUsageToStdout();
  process.exitCode = 1;
}
