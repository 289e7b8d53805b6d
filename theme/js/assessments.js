/* Assessments: pure functions over assessment records and their review points. No DOM, no storage.

   A record is what is saved for one assessment, under "<prefix>assessment:<id>":
   { format, formatVersion, framework, frameworkVersion, id, setting, period, created, updated, revision,
     answers, completed: { <section id>: true }, reviewPoints: [{ id, name, saved, answers }] }
   Dates are ISO 8601 strings. revision goes up by one with every save, so a tab can tell
   when another has saved since it last read. */
(function (toolkit) {
  "use strict";

  var FORMAT = "send-toolkit-assessment";
  var FORMAT_VERSION = 1;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];

  /* A new id, unique enough for one person's assessments: the time and some randomness. */
  function newId(letter, now) {
    return letter + now.getTime().toString(36) + Math.floor(Math.random() * 1679616).toString(36);
  }

  function create(framework, details, now) {
    return {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      framework: framework.framework,
      frameworkVersion: framework.version,
      id: newId("a", now),
      setting: (details.setting || "").trim(),
      period: (details.period || "").trim(),
      created: now.toISOString(),
      updated: null,
      revision: 0,
      answers: {},
      completed: {},
      reviewPoints: [],
      participants: "",
      actions: []
    };
  }

  /* A copy with its own id, answers and review points, marked as a copy. */
  function duplicate(record, now) {
    var copy = JSON.parse(JSON.stringify(record));
    return Object.assign(copy, {
      id: newId("a", now),
      setting: (record.setting || "Untitled assessment") + " (copy)",
      created: now.toISOString(),
      updated: null,
      revision: 0
    });
  }

  /* The record saved as text, or null when the text is not a record of this framework. */
  function parse(text, framework) {
    var record;
    try {
      record = JSON.parse(text);
    } catch (error) {
      return null;
    }
    var fine = record !== null && typeof record === "object" && record.format === FORMAT &&
      record.framework === framework.framework && typeof record.id === "string" &&
      typeof record.revision === "number" && isObject(record.answers) && isObject(record.completed) &&
      Array.isArray(record.reviewPoints);
    if (!fine) { return null; }
    if (!Array.isArray(record.actions)) { record.actions = []; }
    return record;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* How an assessment is named to people: "Oak Primary, Autumn 2026". */
  function title(record) {
    var setting = record.setting || "Untitled assessment";
    return record.period ? setting + ", " + record.period : setting;
  }

  /* The school term a date falls in: "Autumn 2026" (September to December), "Spring 2027"
     (January to March), "Summer 2027" (April to August). */
  function termName(date) {
    var month = date.getMonth();
    var term = month >= 8 ? "Autumn" : (month >= 3 ? "Summer" : "Spring");
    return term + " " + date.getFullYear();
  }

  /* A review point: a dated copy of these answers. */
  function reviewPoint(answers, name, now) {
    return {
      id: newId("r", now),
      name: name.trim() || termName(now),
      saved: now.toISOString(),
      answers: JSON.parse(JSON.stringify(answers))
    };
  }

  function findReviewPoint(record, id) {
    return record.reviewPoints.find(function (point) { return point.id === id; });
  }

  function renameReviewPoint(record, id, name) {
    var point = findReviewPoint(record, id);
    if (point && name.trim()) { point.name = name.trim(); }
  }

  function deleteReviewPoint(record, id) {
    record.reviewPoints = record.reviewPoints.filter(function (point) { return point.id !== id; });
  }

  function two(number) {
    return (number < 10 ? "0" : "") + number;
  }

  /* "22 November 2026" */
  function formatDate(iso) {
    var date = new Date(iso);
    return date.getDate() + " " + MONTHS[date.getMonth()] + " " + date.getFullYear();
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

  /* Records, most recently saved first (never-saved ones by when they were made). */
  function byRecent(records) {
    return records.slice().sort(function (a, b) {
      var left = a.updated || a.created;
      var right = b.updated || b.created;
      return left < right ? 1 : (left > right ? -1 : 0);
    });
  }

  toolkit.assessments = {
    create: create,
    duplicate: duplicate,
    parse: parse,
    title: title,
    termName: termName,
    reviewPoint: reviewPoint,
    findReviewPoint: findReviewPoint,
    renameReviewPoint: renameReviewPoint,
    deleteReviewPoint: deleteReviewPoint,
    newId: newId,
    formatDate: formatDate,
    formatDateTime: formatDateTime,
    formatWhen: formatWhen,
    byRecent: byRecent
  };
}(window.SendToolkit = window.SendToolkit || {}));
