for (var i = 1; i <= 3; i++) {
  (function (n) {
    setTimeout(() => {
      console.log('copy n = ' + n + ', shared i = ' + i);
    }, 0);
  })(i);
}
