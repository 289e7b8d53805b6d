/* Printing: closed <details> (the exemplars) would not print, so open them for the
   print and close them again afterwards. The print stylesheet does the same where the
   browser supports ::details-content; this covers the browsers that do not. */
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (details) {
      details.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
}());
