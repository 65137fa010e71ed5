// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/2-ui/99-ui-misc/03-event-loop/article.md (Use-case 1: a CPU-hungry task)
// Adapted: alert() replaced by console.log() (node has no alert); 1e9 lowered to 1e7 and the elapsed ms (different on every run) left out.
let i = 0;

let start = Date.now();

function count() {

  // do a heavy job
  for (let j = 0; j < 1e7; j++) {
    i++;
  }

  console.log("Done, i = " + i);
}

count();
