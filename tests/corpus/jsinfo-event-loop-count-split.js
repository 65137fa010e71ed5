// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/2-ui/99-ui-misc/03-event-loop/article.md (Use-case 1: splitting the job with nested setTimeout)
// Adapted: alert() replaced by console.log() (node has no alert); 1e9 lowered to 1e7 and the elapsed ms (different on every run) left out.
let i = 0;

let start = Date.now();

function count() {

  // do a piece of the heavy job (*)
  do {
    i++;
  } while (i % 1e6 != 0);

  if (i == 1e7) {
    console.log("Done, i = " + i);
  } else {
    setTimeout(count); // schedule the new call (**)
  }

}

count();
