// A tapped (or clicked) term shows its definition where it stands, instead of jumping to the notes at
// the foot of the page; a second tap, Escape or a tap elsewhere closes it. Without this script the
// term is a link to its note, and hovering or focusing it shows the same definition.
(function () {
  "use strict";
  var open = null;
  function close() {
    if (!open) { return; }
    open.classList.remove("open");
    open.querySelector("a.term").setAttribute("aria-expanded", "false");
    open = null;
  }
  document.querySelectorAll(".term-wrap a.term").forEach(function (term) {
    term.setAttribute("aria-expanded", "false");
    term.addEventListener("click", function (event) {
      var wrap = term.closest(".term-wrap");
      event.preventDefault();
      if (open === wrap) { close(); return; }
      close();
      wrap.classList.add("open");
      term.setAttribute("aria-expanded", "true");
      open = wrap;
    });
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { close(); } });
  document.addEventListener("click", function (event) {
    if (open && !open.contains(event.target)) { close(); }
  });
}());
