// Source: https://github.com/javascript-tutorial/en.javascript.info/blob/master/1-js/06-advanced-functions/03-closure/7-let-scope/task.md
let x = 1;

function func() {
  console.log(x); // ?

  let x = 2;
}

func();
