// Source: https://github.com/mdn/content/blob/main/files/en-us/web/api/html_dom_api/microtask_guide/index.md (Microtask from a function)
// Adapted: the hidden browser log() helper (writing to a <pre>) replaced by console.log.
const log = (s) => console.log(s);

const callback = () => log("Regular timeout callback has run");

const urgentCallback = () => log("*** Oh noes! An urgent callback has run!");

const doWork = () => {
  let result = 1;

  queueMicrotask(urgentCallback);

  for (let i = 2; i <= 10; i++) {
    result *= i;
  }
  return result;
};

log("Main program started");
setTimeout(callback, 0);
log(`10! equals ${doWork()}`);
log("Main program exiting");
