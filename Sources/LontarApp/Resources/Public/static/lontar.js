// Lontar: progressive enhancement only; every page works without this file.
(function () {
  "use strict";
  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var button = event.submitter || form.querySelector("[data-confirm]");
    var question = button && button.getAttribute("data-confirm");
    // Destructive actions ask first.
    if (question && !window.confirm(question)) { event.preventDefault(); return; }
    // An empty optional choice is left out rather than sent as "" (a unit's parent).
    Array.prototype.forEach.call(form.querySelectorAll("select[data-omit-empty]"), function (s) {
      s.disabled = s.value === "";
    });
    var busy = button && button.getAttribute("data-busy");
    if (!busy) { return; }
    // Long work (checking or saving an import): say so, and do not send it twice.
    if (button.getAttribute("aria-busy") === "true") { event.preventDefault(); return; }
    button.setAttribute("data-idle", button.textContent);
    button.textContent = busy;
    button.setAttribute("aria-busy", "true");
  });
  // Bring an error summary into focus for screen readers and keyboards.
  var summary = document.querySelector(".alert[tabindex='-1']");
  if (summary) { summary.focus(); }
  // Back/forward cache: a restored page must work again.
  window.addEventListener("pageshow", function () {
    each("select[data-omit-empty]", function (s) { s.disabled = false; });
    each("[aria-busy='true']", function (b) {
      b.textContent = b.getAttribute("data-idle");
      b.removeAttribute("aria-busy");
    });
  });
})();
