// The import status page refreshes itself (a <meta> refresh) while a document is read or published.
// With this script it updates the progress bar in place instead, and reloads once the work is done.
(function () {
  "use strict";
  var panel = document.getElementById("import-status");
  if (!panel || panel.dataset.working !== "true") { return; }
  var refresh = document.querySelector('meta[http-equiv="refresh"]');
  if (refresh) { refresh.parentNode.removeChild(refresh); }
  var message = panel.querySelector(".status-message");
  var bar = panel.querySelector("progress");

  function poll() {
    fetch(panel.dataset.statusUrl, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (!status.working) { window.location.reload(); return; }
        message.textContent = status.message;
        if (bar && status.pages_total) { bar.max = status.pages_total; bar.value = status.pages_done; }
        window.setTimeout(poll, 700);
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  window.setTimeout(poll, 500);
}());
