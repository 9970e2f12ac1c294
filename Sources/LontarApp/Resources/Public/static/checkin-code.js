// Lontar: reloads the check-in code page when its code changes (or its window opens).
// Progressive enhancement only: without it the facilitator taps "Muat ulang".
(function () {
  "use strict";
  var holder = document.querySelector("[data-refresh-in]");
  if (!holder) { return; }
  var seconds = parseInt(holder.getAttribute("data-refresh-in"), 10);
  if (!(seconds > 0)) { return; }
  // A little after the minute turns, so the server has the new code for sure.
  window.setTimeout(function () { window.location.reload(); }, seconds * 1000 + 400);
})();
