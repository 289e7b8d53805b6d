// Needs: nothing
/* Dates: pure functions that write dates and times in words, as the page shows them ("22 November 2026",
   "at 10:42"), and check them. No DOM here. */
(function (toolkit) {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];

  /* Whether a value is an ISO 8601 date and time the browser can read. */
  function isDate(value) {
    return typeof value === "string" && !isNaN(Date.parse(value));
  }

  function two(number) {
    return (number < 10 ? "0" : "") + number;
  }

  /* "22 November 2026" */
  function formatDate(iso) {
    var date = new Date(iso);
    return date.getDate() + " " + MONTHS[date.getMonth()] + " " + date.getFullYear();
  }

  /* Whether a date answer is a real day, "YYYY-MM-DD" (what a box of type date gives and can show). */
  function isDay(value) {
    return /^\d{4}-\d{2}-\d{2}$/.test(value) && isDate(value + "T12:00:00");
  }

  /* A date answer's "YYYY-MM-DD" as "1 October 2026"; "", or text that is not such a date (from a file), stays as it is. */
  function dayText(value) {
    return isDay(value) ? formatDate(value + "T12:00:00") : value || "";
  }

  /* "10:42" */
  function formatTime(iso) {
    var date = new Date(iso);
    return two(date.getHours()) + ":" + two(date.getMinutes());
  }

  /* "22 November 2026 at 10:42" */
  function formatDateTime(iso) {
    return formatDate(iso) + " at " + formatTime(iso);
  }

  /* "at 10:42" today, else "on 21 November 2026 at 10:42". */
  function formatWhen(iso, now) {
    var sameDay = formatDate(iso) === formatDate(now.toISOString());
    return sameDay ? "at " + formatTime(iso) : "on " + formatDateTime(iso);
  }

  toolkit.dates = {
    isDate: isDate,
    isDay: isDay,
    formatDate: formatDate,
    dayText: dayText,
    formatDateTime: formatDateTime,
    formatWhen: formatWhen
  };
}(window.SendToolkit = window.SendToolkit || {}));
