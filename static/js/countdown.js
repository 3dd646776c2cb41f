// The time left on a timed quiz, counted down from the deadline the server set. Without this script the
// page says the deadline itself (「17:04 まで」); the server closes the attempt at that time either way.
(function () {
  "use strict";
  var clock = document.querySelector("time.countdown");
  if (!clock) { return; }
  var deadline = Date.parse(clock.getAttribute("datetime"));
  // the server's clock, not the device's: a wrong clock on a phone must not add or take away time
  var skew = Date.parse(clock.dataset.now) - Date.now();
  var lang = document.documentElement.lang || "ja";
  var label = lang.indexOf("ja") === 0 ? "残り " : "Time left ";

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    var left = Math.max(0, Math.round((deadline - (Date.now() + skew)) / 1000));
    var hours = Math.floor(left / 3600), minutes = Math.floor(left % 3600 / 60), seconds = left % 60;
    clock.textContent = label + (hours ? hours + ":" + pad(minutes) : minutes) + ":" + pad(seconds);
    clock.classList.toggle("ending", left <= 60);
    if (left === 0) { window.location.reload(); return; }  // the server shows the attempt closed
    window.setTimeout(tick, 1000 - (Date.now() + skew) % 1000);
  }
  clock.hidden = false;
  tick();
}());
