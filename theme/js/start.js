/* Runs in the <head>, before the page is first drawn, so that nothing moves when the scripts at the end
   of the page have started: it marks the page "js-starting" (the stylesheet then shows the tool bar at once)
   and says whether this browser holds any assessment of this framework ("js-saved" or "js-fresh") or
   refuses storage ("js-no-storage"), so that the right notice shows from the start; "js-starting" also hides the
   notice that the scripts are not running, which app.js then removes. It only reads. */
(function (root) {
  "use strict";
  var prefix = root.getAttribute("data-storage-prefix") + "assessment:";
  root.classList.add("js-starting");
  try {
    var saved = false;
    for (var i = 0; i < window.localStorage.length; i += 1) {
      if (String(window.localStorage.key(i)).indexOf(prefix) === 0) { saved = true; }
    }
    root.classList.add(saved ? "js-saved" : "js-fresh");
  } catch (error) {
    root.classList.add("js-no-storage");
  }
}(document.documentElement));
