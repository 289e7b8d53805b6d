// Needs: dates, types
/* Assessments: pure functions over assessment records and their review points. No DOM, no storage.

   A record is what is saved for one assessment, under "<prefix>assessment:<id>":
   { format, formatVersion, framework, frameworkVersion, id, setting, period, created, updated, revision,
     participants, answers, completed: { <section id>: true }, reviewPoints: [{ id, name, saved, answers }],
     actions: [see plan.js] }
   Dates are ISO 8601 strings. revision goes up by one with every save, so a tab can tell
   when another has saved since it last read. */
(function (toolkit) {
  "use strict";

  var FORMAT = "send-toolkit-assessment";
  var FORMAT_VERSION = 1;
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
    delete copy.copy;   // a new assessment: its changes start a copy of their own
    return Object.assign(copy, {
      id: newId("a", now),
      setting: (record.setting || "Untitled assessment") + " (copy)",
      created: now.toISOString(),
      updated: null,
      revision: 0
    });
  }

  /* The record saved as text, migrated to this version of the framework; null when the text is not a
     sound record of this framework (see problem). */
  function parse(text, framework) {
    var record;
    try {
      record = JSON.parse(text);
    } catch (error) {
      return null;
    }
    if (problem(record) || record.framework !== framework.framework) { return null; }
    migrate(record, framework);
    return problem(record, framework) ? null : record;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* The most a school could make in one assessment: more is a damaged or made-up record. */
  var MOST_ACTIONS = 500;
  var MOST_REVIEW_POINTS = 200;

  /* Why one more action (or review point) cannot be added to a record that holds the most it may, or null: the page
     never makes a record it would later refuse. */
  function full(record, kind) {
    if (kind === "actions") {
      return record.actions.length < MOST_ACTIONS ? null : "This plan has " + MOST_ACTIONS + " actions, the most one " +
        "assessment can hold: delete or combine some before adding another.";
    }
    return record.reviewPoints.length < MOST_REVIEW_POINTS ? null : "This assessment has " + MOST_REVIEW_POINTS +
      " review points, the most it can hold: delete some you no longer need (in the list below) before saving another.";
  }

  var LIMITS = { actions: [MOST_ACTIONS, "actions"], reviewPoints: [MOST_REVIEW_POINTS, "review points"] };

  /* Why a record made here (by loading a file into an assessment) holds more actions or review points than one
     assessment may, in words following its title, or null. */
  function overfull(record) {
    var field = Object.keys(LIMITS).find(function (name) { return record[name].length > LIMITS[name][0]; });
    return field ? "would then have " + record[field].length + " " + LIMITS[field][1] + ", more than the " +
      LIMITS[field][0] + " one assessment can hold" : null;
  }

  /* What is wrong with a record's shape, in words naming the field, or null when nothing is. Checks every
     field that the page reads, so that a record that passes can be shown and changed safely; with the
     framework, also the answers to its items that the page reads (see itemProblem). */
  function problem(record, framework) {
    if (!isObject(record)) { return "it is not an assessment"; }
    if (record.format !== FORMAT) { return "it is not an assessment from this toolkit"; }
    return fieldsProblem(record) || answersProblem(record.answers, "answers", framework) ||
      reviewPointsProblem(record.reviewPoints, framework) || actionsProblem(record.actions || []) ||
      moderationProblem(record.moderation, framework);
  }

  /* The most raters one moderation puts side by side. */
  var MOST_RATERS = 8;

  /* An agreed assessment's moderation (moderation.js): the raters' judgements it was agreed from, each
     statement's moderation note, and who signed it off and on what day. */
  function moderationProblem(moderation, framework) {
    if (moderation === undefined) { return null; }
    if (!isObject(moderation)) { return '"moderation" should be a set of fields, not ' + kindOf(moderation); }
    var raters = moderation.raters;
    var notes = moderation.notes;
    var wrong = firstWrong([
      ["moderation.raters", raters, Array.isArray(raters) && raters.length >= 2 && raters.length <= MOST_RATERS,
       "a list of 2 to " + MOST_RATERS + " raters' judgements"],
      ["moderation.notes", notes, isObject(notes) && Object.keys(notes).every(function (id) {
        return typeof notes[id] === "string" && notes[id].length <= MOST_NOTE;
      }), "a set of statements, each with a note of up to " + MOST_NOTE + " characters"],
      ["moderation.by", moderation.by, moderation.by === undefined || isShortText(moderation.by), "text of up to 200 characters"],
      ["moderation.role", moderation.role, moderation.role === undefined || isShortText(moderation.role), "text of up to 200 characters"],
      ["moderation.on", moderation.on, moderation.on === undefined || toolkit.dates.isDay(moderation.on), "a day (YYYY-MM-DD)"],
      ["moderation.at", moderation.at, moderation.at === undefined || isTime(moderation.at), "a time in milliseconds"]
    ]);
    for (var r = 0; !wrong && r < raters.length; r += 1) {
      var at = "moderation.raters." + (r + 1);
      var rater = raters[r];
      wrong = isObject(rater) ? firstWrong([
        [at + ".rater", rater.rater, isShortText(rater.rater), "text of up to 200 characters"],
        [at + ".role", rater.role, isShortText(rater.role), "text of up to 200 characters"]
      ]) || answersProblem(rater.answers, at + ".answers", framework) : '"' + at + '" should be a rater\'s judgements, not ' + kindOf(rater);
    }
    return wrong;
  }

  /* The most saves a record may have had: far beyond what a school could make, and far enough below 2^53 that saving
     never takes a revision past the whole numbers JavaScript counts exactly (a record would then fail this check). */
  var MOST_REVISION = 1e15;

  /* The longest moderation note: a few pages of text. */
  var MOST_NOTE = 20000;

  function fieldsProblem(record) {
    return firstWrong([
      ["formatVersion", record.formatVersion, Number.isSafeInteger(record.formatVersion) && record.formatVersion >= 1, "a whole number"],
      ["framework", record.framework, typeof record.framework === "string", "text"],
      ["frameworkVersion", record.frameworkVersion, typeof record.frameworkVersion === "string", "text"],
      ["id", record.id, isName(record.id), "text of 1 to 100 characters"],
      ["setting", record.setting, typeof record.setting === "string", "text"],
      ["period", record.period, typeof record.period === "string", "text"],
      ["participants", record.participants, record.participants === undefined || typeof record.participants === "string", "text"],
      ["rater", record.rater, record.rater === undefined || isShortText(record.rater), "text of up to 200 characters"],
      ["role", record.role, record.role === undefined || isShortText(record.role), "text of up to 200 characters"],
      ["writer", record.writer, record.writer === undefined || ["", "school", "reviewer"].indexOf(record.writer) >= 0,
       "\"school\", \"reviewer\" or empty"],
      ["created", record.created, toolkit.dates.isDate(record.created), "a date"],
      ["updated", record.updated, record.updated === null || toolkit.dates.isDate(record.updated), "a date"],
      ["revision", record.revision, Number.isSafeInteger(record.revision) && record.revision >= 0, "a whole number"],
      ["revision", record.revision, record.revision <= MOST_REVISION, "at most " + MOST_REVISION + " saves"],
      ["completed", record.completed, isObject(record.completed) && Object.keys(record.completed).every(function (key) {
        return typeof record.completed[key] === "boolean";
      }), "a set of sections, each true or false"],
      ["reviewPoints", record.reviewPoints, Array.isArray(record.reviewPoints), "a list"],
      ["actions", record.actions, record.actions === undefined || Array.isArray(record.actions), "a list"],
      ["copy", record.copy, record.copy === undefined || matches(COPY, record.copy), "a copy's id (up to 8 letters and digits)"],
      ["seen", record.seen, record.seen === undefined || isObject(record.seen) && Object.keys(record.seen).every(function (copy) {
        return matches(COPY, copy) && isTime(record.seen[copy]);
      }), "a set of copies, each with a time"],
      ["raters", record.raters, record.raters === undefined || isObject(record.raters) && Object.keys(record.raters).every(function (copy) {
        return matches(COPY, copy) && isShortText(record.raters[copy]);
      }), "a set of copies, each with who rated it"],
      ["changed", record.changed, record.changed === undefined || isObject(record.changed) && Object.keys(record.changed).every(function (id) {
        var parts = record.changed[id];
        return isObject(parts) && Object.keys(parts).every(function (part) {
          return matches(STAMP, parts[part]) && isTime(parseInt(parts[part], 36));   // parseInt stops at the "."
        });
      }), "a set of answers, each part with when and in which copy it changed"]
    ]);
  }

  /* A copy's id, and a stamp: when and in which copy a part changed (stamps.js). */
  var COPY = /^[0-9a-z]{1,8}$/;
  var STAMP = /^[0-9a-z]{1,11}\.[0-9a-z]{1,8}$/;

  function matches(pattern, value) {
    return typeof value === "string" && pattern.test(value);
  }

  function isShortText(text) {
    return typeof text === "string" && text.length <= 200;
  }

  function isName(text) {
    return typeof text === "string" && text.length > 0 && text.length <= 100;
  }

  /* A time in milliseconds, as stamps keep it: from 1970 to the end of the year 9999. */
  var LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
  function isTime(value) {
    return Number.isSafeInteger(value) && value >= 0 && value <= LATEST;
  }

  function reviewPointsProblem(points, framework) {
    var wrong = tooMany("reviewPoints", points);
    for (var p = 0; !wrong && p < points.length; p += 1) {
      var point = points[p];
      var at = "reviewPoints." + (p + 1);
      wrong = isObject(point) ? firstWrong([
        [at + ".id", point.id, typeof point.id === "string" && point.id.length > 0, "text"],
        [at + ".name", point.name, typeof point.name === "string", "text"],
        [at + ".saved", point.saved, toolkit.dates.isDate(point.saved), "a date"]
      ]) || answersProblem(point.answers, at + ".answers", framework) : '"' + at + '" should be a review point';
    }
    return wrong || repeatedId(points, "reviewPoints", "review point");
  }

  function actionsProblem(actions) {
    var wrong = tooMany("actions", actions);
    for (var a = 0; !wrong && a < actions.length; a += 1) {
      wrong = actionProblem(actions[a], "actions." + (a + 1));
    }
    return wrong || repeatedId(actions, "actions", "action");
  }

  /* '"actions" should be at most 500 actions, not 501: …', or null. */
  function tooMany(field, list) {
    return list.length > LIMITS[field][0] ? '"' + field + '" should be at most ' + LIMITS[field][0] + " " + LIMITS[field][1] +
      ", not " + list.length + ": that is beyond what a school could make" : null;
  }

  /* The first entry of a list whose id an earlier one has, in words, or null. */
  function repeatedId(list, field, word) {
    var seen = Object.create(null);
    for (var i = 0; i < list.length; i += 1) {
      var id = list[i].id;
      if (seen[id]) {
        return '"' + field + "." + (i + 1) + '.id" should be an id of its own, not \u201c' + shortText(id) + "\u201d again (" +
          word + " " + seen[id] + " has it too)";
      }
      seen[id] = i + 1;
    }
    return null;
  }

  /* The first of [name, value, fine, what it should be] that is not fine, as words. */
  function firstWrong(checks) {
    var bad = checks.find(function (check) { return !check[2]; });
    return bad ? '"' + bad[0] + '" should be ' + bad[3] + ", not " + kindOf(bad[1]) : null;
  }

  function kindOf(value) {
    if (value === undefined) { return "missing"; }
    if (value === null) { return "empty"; }
    if (Array.isArray(value)) { return "a list"; }
    if (typeof value === "string") { return value.length ? "the text \u201c" + shortText(value) + "\u201d" : "empty text"; }
    return { number: "the number " + value, boolean: String(value), object: "a set of fields" }[typeof value] || typeof value;
  }

  function shortText(text) {
    return text.length > 40 ? text.slice(0, 40) + "\u2026" : text;
  }

  /* Answers hold, for each item, parts that are text or numbers, or a repeating form's rows of text. */
  function answersProblem(answers, at, framework) {
    if (!isObject(answers)) { return '"' + at + '" should be a set of answers, not ' + kindOf(answers); }
    var items = Object.keys(answers);
    for (var i = 0; i < items.length; i += 1) {
      var answer = answers[items[i]];
      var where = at + "." + items[i];
      if (!isObject(answer)) { return '"' + where + '" should be an answer, not ' + kindOf(answer); }
      var item = framework && framework.items ? framework.items[items[i]] : undefined;
      var wrong = partsProblem(answer, where) || (item ? itemProblem(item, answer, where) : null);
      if (wrong) { return wrong; }
    }
    return null;
  }

  function partsProblem(answer, where) {
    var parts = Object.keys(answer);
    for (var p = 0; p < parts.length; p += 1) {
      var value = answer[parts[p]];
      var fine = parts[p] === "rows" ? isRows(value) : typeof value === "string" || (typeof value === "number" && isFinite(value));
      if (!fine) {
        return '"' + where + "." + parts[p] + '" should be ' + (parts[p] === "rows" ? "rows of text" : "a number or text") +
          ", not " + kindOf(value);
      }
    }
    return null;
  }

  function isRows(value) {
    return Array.isArray(value) && value.every(function (row) {
      return isObject(row) && Object.keys(row).every(function (field) { return typeof row[field] === "string"; });
    });
  }

  /* The parts of an answer that this framework's views read as text (its response type says which: a
     statement's evidence, a text item's answer, every field of a form that is not a table). (Parts that no
     longer fit the item are not read, and are listed instead: see misfits.) */
  function itemProblem(item, answer, where) {
    var text = toolkit.types.of(item).textParts(item, answer);
    return firstWrong(text.filter(function (part) { return answer[part] !== undefined; }).map(function (part) {
      return [where + "." + part, answer[part], typeof answer[part] === "string", "text"];
    }));
  }

  function actionProblem(action, at) {
    if (!isObject(action)) { return '"' + at + '" should be an action, not ' + kindOf(action); }
    var checks = [[at + ".id", action.id, typeof action.id === "string" && action.id.length > 0, "text"],
                  [at + ".statements", action.statements, Array.isArray(action.statements) &&
                    action.statements.every(function (id) { return typeof id === "string"; }), "a list of statement ids"]];
    Object.keys(action).forEach(function (field) {
      if (field !== "statements") { checks.push([at + "." + field, action[field], typeof action[field] === "string", "text"]); }
    });
    return firstWrong(checks);
  }

  /* ---- frameworks change; answers survive

     A statement may declare the ids it replaces. An answer saved under an old id moves to every statement
     that replaces it, unless that statement has an answer already; the old answer is then dropped only where
     every new statement holds the same answer, so nothing is lost: what did not move stays under the old id
     and is listed as an answer for a statement no longer in this framework. Links from actions follow too.
     Applying it twice changes nothing more. */
  function migrate(record, framework) {
    var replacedBy = framework.replacedBy || {};
    if (!Array.isArray(record.actions)) { record.actions = []; }
    if (typeof record.participants !== "string") { record.participants = ""; }
    if (!Object.keys(replacedBy).length) { return record; }
    migrateAnswers(record.answers, framework);
    record.reviewPoints.forEach(function (point) { migrateAnswers(point.answers, framework); });
    ((record.moderation || {}).raters || []).forEach(function (rater) { migrateAnswers(rater.answers, framework); });
    record.actions.forEach(function (action) {
      var linked = [];
      action.statements.forEach(function (id) {
        var now = framework.items[id] ? [id] : (replacedBy[id] || [id]);
        now.forEach(function (each) { if (linked.indexOf(each) < 0) { linked.push(each); } });
      });
      action.statements = linked;
    });
    return record;
  }

  function migrateAnswers(answers, framework) {
    Object.keys(answers).forEach(function (old) {
      var targets = framework.replacedBy[old];
      if (!targets || framework.items[old]) { return; }
      var text = JSON.stringify(answers[old]);
      targets.forEach(function (id) {
        if (answers[id] === undefined) { answers[id] = JSON.parse(text); }
      });
      if (targets.every(function (id) { return JSON.stringify(answers[id]) === text; })) { delete answers[old]; }
    });
  }

  /* The ids of answers for items no longer in this framework, in the order saved. */
  function orphans(answers, framework) {
    return Object.keys(answers).filter(function (id) { return !framework.items[id]; });
  }

  /* ---- answers that no longer fit: the item is still here, but changed (a rating renamed or taken out, a
     scale made shorter, a statement made a question). They stay in the record and in downloads, are listed
     with the answers for statements no longer here, and nothing else reads them. */

  /* [{ item, part, value, reason }], in the order saved. */
  function misfits(answers, framework) {
    var found = [];
    Object.keys(answers).forEach(function (id) {
      var item = framework.items[id];
      if (!item) { return; }
      Object.keys(answers[id]).forEach(function (part) {
        var reason = misfitReason(framework, item, part, answers[id][part]);
        if (reason) { found.push({ item: id, part: part, value: answers[id][part], reason: reason }); }
      });
    });
    return found;
  }

  /* Why one part of an answer no longer fits its item, in words, or null when it fits (its response type says). */
  function misfitReason(framework, item, part, value) {
    return toolkit.types.of(item).misfit(framework, item, part, value);
  }

  /* The answers to this framework's items without the parts that no longer fit: what the views read. */
  function fitting(answers, framework) {
    var kept = {};
    Object.keys(answers).forEach(function (id) {
      var item = framework.items[id];
      if (!item) { return; }
      var answer = {};
      Object.keys(answers[id]).forEach(function (part) {
        if (!misfitReason(framework, item, part, answers[id][part])) { answer[part] = answers[id][part]; }
      });
      if (Object.keys(answer).length) { kept[id] = answer; }
    });
    return kept;
  }

  /* How an assessment is named to people: "Oak Primary, Autumn 2026". */
  function title(record) {
    var setting = settingText(record);
    return record.period ? setting + ", " + record.period : setting;
  }

  /* An assessment's setting as listed: "Oak Primary", "Oak Primary (agreed judgements)". */
  function settingText(record) {
    return (record.setting || "Untitled assessment") + (record.moderation ? " (agreed judgements)" : "");
  }

  /* Who moderated an agreed assessment and when, in words: "Moderated by A. Khan, External SEN/D professional, on
     7 December 2026", and how many answers changed after (stamps.js); "" until it is signed off. */
  function moderatedText(record) {
    var moderation = record.moderation;
    if (!moderation || !moderation.by || !moderation.on) { return ""; }
    var since = moderation.at === undefined ? 0 : Object.keys(record.changed || {}).reduce(function (count, id) {
      return count + Object.keys(record.changed[id]).filter(function (part) {
        return parseInt(record.changed[id][part], 36) > moderation.at;   // a stamp's time, base 36, stops at its "."
      }).length;
    }, 0);
    return "Moderated by " + [moderation.by, moderation.role].filter(Boolean).join(", ") + ", on " + toolkit.dates.dayText(moderation.on) +
      (since ? " (" + since + (since === 1 ? " answer has" : " answers have") + " changed since)" : "");
  }

  /* The sections another person writes in this copy (written_by in the framework), and what each of them says
     about it: { sections: [ids], words }. In the school's copy (record.writer "school") a reviewer's report is
     read-only, and in the reviewer's copy ("reviewer") the school's sections are; otherwise none is. */
  function writtenElsewhere(framework, record) {
    var reviewed = framework.sections.some(function (section) { return section.written_by === "reviewer"; });
    var writer = record.writer;
    var sections = reviewed && (writer === "school" || writer === "reviewer") ? framework.sections.filter(function (section) {
      return (section.written_by || "school") !== writer;
    }).map(function (section) { return section.id; }) : [];
    var words = writer === "school"
      ? "The reviewer writes this section, so it is read-only in the school's copy: the reviewer's words come in when " +
        "you load the reviewer's file of answers (Download or load). If you are the reviewer, choose “The reviewer” " +
        "for “Who writes in this copy” under Your assessments."
      : "The school writes this section, so it is read-only in the reviewer's copy: the school's words come in when " +
        "you load the school's file of answers (Download or load). If you are the school, choose “The school” for " +
        "“Who writes in this copy” under Your assessments.";
    return { sections: sections, words: words };
  }

  /* Who rated an assessment, in words: "J. Smith, SENCO", "J. Smith", "SENCO"; "" when not given. */
  function raterText(record) {
    return [record.rater, record.role].filter(Boolean).join(", ");
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

  /* What differs between two sets of answers, in framework order:
     [{ item, changes: [{ part, before, after }] }], before or after undefined when not given. */
  function compare(before, after, framework) {
    var result = [];
    framework.sections.forEach(function (section) {
      section.items.forEach(function (item) {
        var old = toolkit.types.flatten(item, before[item.id]);
        var now = toolkit.types.flatten(item, after[item.id]);
        var parts = inOrder(item, Object.keys(old).concat(Object.keys(now).filter(function (part) { return !(part in old); })));
        var changes = parts.filter(function (part) { return old[part] !== now[part]; })
          .map(function (part) { return { part: part, before: old[part], after: now[part] }; });
        if (changes.length) { result.push({ item: item.id, section: section.id, changes: changes }); }
      });
    });
    return result;
  }

  /* Parts in the order the item asks for them (its type's parts); any others after them, as they came. */
  function inOrder(item, parts) {
    var order = toolkit.types.of(item).parts(item);
    var place = function (part) { var at = order.indexOf(part); return at < 0 ? order.length : at; };
    return parts.map(function (part, index) { return [place(part), index, part]; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
      .map(function (entry) { return entry[2]; });
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
    compare: compare,
    create: create,
    duplicate: duplicate,
    parse: parse,
    problem: problem,
    migrate: migrate,
    orphans: orphans,
    misfits: misfits,
    fitting: fitting,
    title: title,
    settingText: settingText,
    raterText: raterText,
    writtenElsewhere: writtenElsewhere,
    moderatedText: moderatedText,
    MOST_RATERS: MOST_RATERS,
    MOST_NOTE: MOST_NOTE,
    full: full,
    overfull: overfull,
    termName: termName,
    reviewPoint: reviewPoint,
    findReviewPoint: findReviewPoint,
    renameReviewPoint: renameReviewPoint,
    deleteReviewPoint: deleteReviewPoint,
    newId: newId,
    byRecent: byRecent
  };
}(window.SendToolkit = window.SendToolkit || {}));
