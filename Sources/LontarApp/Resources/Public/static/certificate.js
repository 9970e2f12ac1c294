// Lontar: a print button for the certificate page. Without it, the browser's own
// Print command does the same; the button stays hidden.
(function () {
  "use strict";
  var button = document.querySelector("[data-print]");
  if (!button || !window.print) { return; }
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();
