// Needs: dates, types
/* Response type "date": a day, chosen from the browser's calendar, saved as "YYYY-MM-DD" and shown in words.
   Answer: { answer: "2027-01-14" }. Control: the date box "<id>--answer". */
(function (toolkit) {
  "use strict";

  /* Only a real day fits: a box of type date cannot show anything else (a file may hold "14/01/2027"). */
  function misfit(framework, item, part, value) {
    if (part !== "answer") { return "this item no longer asks for it"; }
    return toolkit.dates.isDay(value) ? null : "this is not a date the page can show (it should look like 2027-01-14)";
  }

  toolkit.types.register("date", {
    misfit: misfit,
    partName: function () { return "Answer"; },
    valueText: function (framework, item, part, value) {
      return value === undefined ? "No answer" : toolkit.dates.dayText(value);
    }
  });
}(window.SendToolkit = window.SendToolkit || {}));
