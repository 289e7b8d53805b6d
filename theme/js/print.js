// Needs: nothing
/* Printing: closed <details> (the exemplars) would not print, so open them for the
   print and close them again afterwards. The print stylesheet does the same where the
   browser supports ::details-content; this covers the browsers that do not.
   A text box prints only what fits in it, so each one's text is copied into a block beside it
   that the print stylesheet shows instead (textToPrint, also called by the app's print buttons). */
(function (toolkit) {
  "use strict";
  var opened = [];

  function textToPrint() {
    document.querySelectorAll("textarea.field__input").forEach(function (box) {
      var copy = box.nextElementSibling;
      if (!copy || !copy.classList.contains("field__print")) {
        copy = document.createElement("div");
        copy.className = "field__print";
        copy.setAttribute("aria-hidden", "true");
        box.parentNode.insertBefore(copy, box.nextSibling);
      }
      copy.textContent = box.value;
    });
  }

  window.addEventListener("beforeprint", function () {
    textToPrint();
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (details) {
      details.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
  toolkit.printing = { textToPrint: textToPrint };
}(window.SendToolkit = window.SendToolkit || {}));
