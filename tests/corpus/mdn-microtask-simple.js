// Source: https://github.com/mdn/content/blob/main/files/en-us/web/api/html_dom_api/microtask_guide/index.md (Simple microtask example)
// Adapted: the hidden browser log() helper (writing to a <pre>) replaced by console.log.
const log = (s) => console.log(s);

log("Before enqueueing the microtask");
queueMicrotask(() => {
  log("The microtask has run.");
});
log("After enqueueing the microtask");
