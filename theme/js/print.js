// Needs: assessments, results
/* Printing: closed <details> (the exemplars) would not print, so open them for the
   print and close them again afterwards. The print stylesheet does the same where the
   browser supports ::details-content; this covers the browsers that do not.
   A text box prints only what fits in it, so each one's text is copied into a block beside it
   that the print stylesheet shows instead (textToPrint).
   The print buttons, and the browser's own Print, print the full report (the default, and what Ctrl+P prints), the
   action plan alone, or a blank copy of the framework (wire). A blank copy shows empty controls while printing, and
   the answers again afterwards: nothing saved changes. */
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

  /* session: session.js's; controls: controls.js's; planView: plan-view.js's; moderationView: moderation-view.js's. */
  function wire(framework, session, controls, planView, moderationView) {
    var results = toolkit.results;

    function preparePrint(kind) {
      session.flush();
      document.documentElement.dataset.print = kind;
      results.fillCover(framework, session.record(), kind);
      if (kind === "blank") {
        controls.fill(toolkit.assessments.create(framework, {}, new Date()));
      } else {
        results.showSummary(framework, session.record());
        results.showPriorities(framework, session.record(), true);
        planView.show(session.record());
      }
      moderationView.print(kind);
      textToPrint();
    }

    /* After printing, a blank copy shows the answers again. Where the browser sends no "afterprint" (WebKit
       under automation, and so perhaps Safari), the first key press or click on the page after printing does it. */
    function afterPrint() {
      if (document.documentElement.dataset.print === "blank") { controls.fill(session.record()); }
      delete document.documentElement.dataset.print;
      moderationView.printed();
    }

    function printDocument(kind) {
      preparePrint(kind);
      window.print();
      ["keydown", "pointerdown"].forEach(function (type) {
        document.addEventListener(type, function () {
          if (document.documentElement.dataset.print) { afterPrint(); }
        }, { capture: true, once: true });
      });
    }

    document.addEventListener("click", function (event) {
      var button = event.target.closest("[data-print-document]");
      if (button) { printDocument(button.dataset.printDocument); }
    });
    window.addEventListener("beforeprint", function () {
      if (!document.documentElement.dataset.print) { preparePrint("report"); }  // Ctrl+P; a button has prepared its own
    });
    window.addEventListener("afterprint", afterPrint);
  }

  toolkit.printing = { textToPrint: textToPrint, wire: wire };
}(window.SendToolkit = window.SendToolkit || {}));
