// Source: https://github.com/mdn/content/blob/main/files/en-us/web/api/html_dom_api/microtask_guide/index.md (Timeout and microtask example)
// Adapted: the hidden browser log() helper (writing to a <pre>) replaced by console.log.
const log = (s) => console.log(s);

const callback = () => log("Regular timeout callback has run");

const urgentCallback = () => log("*** Oh noes! An urgent callback has run!");

log("Main program started");
setTimeout(callback, 0);
queueMicrotask(urgentCallback);
log("Main program exiting");
