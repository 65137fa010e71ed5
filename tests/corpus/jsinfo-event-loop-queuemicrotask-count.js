// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/2-ui/99-ui-misc/03-event-loop/article.md (counting progress with queueMicrotask)
// Adapted: the browser-only progress element replaced by a log at the end and a timer showing microtasks run first.
let i = 0;

function count() {

  // do a piece of the heavy job (*)
  do {
    i++;
  } while (i % 1e3 != 0);

  if (i < 1e6) {
    queueMicrotask(count);
  } else {
    console.log('counted to', i);
  }

}

setTimeout(() => console.log('timeout after counting'));
count();
