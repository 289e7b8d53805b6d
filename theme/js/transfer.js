// Needs: assessments, changes, dates, plan, stamps
/* Transfer: pure functions for files of answers and spreadsheets. No DOM, no storage.

   A file of answers is JSON:
     { format: "send-toolkit-answers", formatVersion: 1, framework, frameworkTitle, frameworkVersion,
       exported: "<ISO date>", checksum: "crc32:<8 hex digits>", assessments: [record, …] }
   The records are those saved in the browser (see assessments.js). The checksum is the CRC-32 of the
   UTF-8 bytes of JSON.stringify(assessments), so that a file cut short, damaged or edited by hand is
   noticed. A file is read by read(), which either gives the records, migrated to this version of the
   framework, or says in plain words why the file cannot be loaded. */
(function (toolkit) {
  "use strict";

  var assessments = toolkit.assessments;
  var FORMAT = "send-toolkit-answers";
  var FORMAT_VERSION = 1;
  var MAX_BYTES = 5 * 1024 * 1024;
  var CRC_TABLE = (function () {
    var table = [];
    for (var n = 0; n < 256; n += 1) {
      var c = n;
      for (var k = 0; k < 8; k += 1) { c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1; }
      table.push(c >>> 0);
    }
    return table;
  }());

  /* The CRC-32 of a text's UTF-8 bytes, as 8 hex digits (the same as Python's zlib.crc32). */
  function crc32(text) {
    var bytes = new TextEncoder().encode(text);
    var crc = 0xFFFFFFFF;
    for (var i = 0; i < bytes.length; i += 1) { crc = CRC_TABLE[(crc ^ bytes[i]) & 0xFF] ^ (crc >>> 8); }
    return ((crc ^ 0xFFFFFFFF) >>> 0).toString(16).padStart(8, "0");
  }

  function checksum(records) {
    return "crc32:" + crc32(JSON.stringify(records));
  }

  /* Words for a file name: "Oak Primary (Year 6)" gives "oak-primary-year-6". */
  function slug(text) {
    return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
  }

  /* "oak-primary-send-audit-rag-2026-11-22.json"; with no record, the file of every assessment. */
  function fileName(framework, record, now, extension) {
    var who = record ? (slug(record.setting) || "assessment") : "all-assessments";
    return who + "-" + framework.framework + "-" + toolkit.plan.isoDate(now) + "." + (extension || "json");
  }

  /* The text of a file holding these records. */
  function makeFile(framework, title, records, now) {
    return JSON.stringify({
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      framework: framework.framework,
      frameworkTitle: title,
      frameworkVersion: framework.version,
      exported: now.toISOString(),
      checksum: checksum(records),
      assessments: records
    }, null, 1);
  }

  /* Why a file of this many bytes cannot be a file of answers, or null when it may be. */
  function sizeProblem(bytes) {
    if (bytes === 0) { return "The file is empty: it has nothing in it. It may not have finished downloading or copying."; }
    if (bytes > MAX_BYTES) {
      return "The file is " + (bytes / 1024 / 1024).toFixed(1) + " MB. A file of answers is never more than 5 MB, " +
        "so this is not one, or it is damaged. Check that you chose the right file.";
    }
    return null;
  }

  /* A file's text read as answers for this framework: { file, records } or { error: "words" }.
     Never throws: anything it cannot read is an error. */
  function read(text, framework, title) {
    try {
      return readFile(text, framework, title);
    } catch (error) {
      return { error: "The file could not be read as a file of answers (" + error.name + "). Check that you chose the right file." };
    }
  }

  function readFile(text, framework, title) {
    var file;
    try {
      file = JSON.parse(text);
    } catch (error) {
      var ours = text.slice(0, 200).indexOf('"' + FORMAT + '"') >= 0;
      return { error: ours
        ? "The file is incomplete: it starts as a file of answers but is cut short or damaged, so it cannot be read. " +
          "It may not have finished downloading or copying. Download your answers again on the computer where they are saved."
        : "The file is not a file of answers from this toolkit: it is not in the right format (JSON). " +
          "Choose the file that “Download my answers” made: its name ends in .json." };
    }
    if (file === null || typeof file !== "object" || Array.isArray(file) || file.format !== FORMAT) {
      return { error: "The file is not a file of answers from this toolkit: it is JSON, but not the kind " +
        "“Download my answers” makes. Check that you chose the right file." };
    }
    if (!Number.isInteger(file.formatVersion) || file.formatVersion < 1) {
      return { error: "The file is damaged: it does not say which version of the file format it is in, so it cannot be read. " +
        "Use another copy, or download your answers again on the computer where they are saved." };
    }
    if (file.formatVersion > FORMAT_VERSION) {
      return { error: "The file was made by a newer version of the toolkit (file format " + String(file.formatVersion) +
        "; this page reads format " + FORMAT_VERSION + "). Ask your council or adviser for the newest version of this page, then load the file there." };
    }
    if (file.framework !== framework.framework) {
      var theirs = typeof file.frameworkTitle === "string" && file.frameworkTitle ? "“" + file.frameworkTitle + "”" : "“" + String(file.framework) + "”";
      return { error: "The file holds answers for another framework, " + theirs + ", not for this one, “" + title +
        "”. Open that framework's page and load the file there." };
    }
    if (!Array.isArray(file.assessments) || !file.assessments.length) {
      return { error: "The file holds no assessments: there is nothing in it to load." };
    }
    if (file.checksum !== checksum(file.assessments)) {
      return { error: "The file has been changed or damaged since it was downloaded: its checksum does not match what it holds, " +
        "so it cannot be trusted. Use another copy, or download your answers again on the computer where they are saved." };
    }
    for (var i = 0; i < file.assessments.length; i += 1) {
      var record = file.assessments[i];
      var wrong = recordProblem(record, framework);
      if (wrong) {
        return { error: "The file cannot be loaded: " + ordinal(i, file.assessments.length) + " has something of the wrong kind: " + wrong +
          ". It may have been edited by hand. Nothing has been changed here." };
      }
    }
    var newer = typeof file.frameworkVersion === "string" && file.frameworkVersion !== framework.version;
    return {
      file: { exported: toolkit.dates.isDate(file.exported) ? file.exported : null, frameworkVersion: file.frameworkVersion, otherVersion: newer },
      records: file.assessments   // migrated by recordProblem
    };
  }

  /* What is wrong with a record of the file, as words, or null. Its shape is checked first; then, migrated
     to this version of the framework, the answers to this framework's items. */
  function recordProblem(record, framework) {
    var wrong = assessments.problem(record) ||
      (record.framework !== framework.framework ? '"framework" should be ' + framework.framework : null);
    return wrong || assessments.problem(assessments.migrate(record, framework), framework);
  }

  function ordinal(index, count) {
    if (count === 1) { return "its assessment"; }
    return "its " + (["first", "second", "third", "fourth", "fifth"][index] || "number " + (index + 1)) + " assessment";
  }

  /* ---- loading into an assessment that is already here

     Answers are merged part by part by their stamps (stamps.js): the newer answer of each part is taken, and
     where both copies changed a part since they last agreed (a conflict), the one the person chose. Sections
     marked complete in either stay so; review points and actions are joined, the file's version of an action
     winning. */

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  /* Set a key as data, even one named "__proto__". */
  function put(object, key, value) {
    Object.defineProperty(object, key, { value: value, enumerable: true, writable: true, configurable: true });
  }

  /* Whether a difference (stamps.differences) is settled by taking the file's answer. keep: the names of the
     conflicts whose answer here the person kept; without it, the newer of each is taken. */
  function fromFile(difference, keep) {
    return difference.conflict && keep ? keep.indexOf(toolkit.stamps.nameOf(difference)) < 0 : difference.newer === "file";
  }

  /* The answer the person gave for a conflict instead of either copy's (others: { <stamps.nameOf>: value }), if any. */
  function otherOf(difference, others) {
    var name = toolkit.stamps.nameOf(difference);
    return difference.conflict && others && has(others, name) ? { value: others[name] } : null;
  }

  /* What loading incoming into here would do: { differences, taken (those settled by the file's answer),
     given (conflicts settled by another answer the person gave), replaced (those of both that replace an answer
     here) }. keep: as fromFile; others: as otherOf. */
  function preview(framework, here, incoming, keep, others) {
    var differences = toolkit.stamps.differences(framework, here, incoming);
    var given = differences.filter(function (difference) { return otherOf(difference, others); });
    var taken = differences.filter(function (difference) { return given.indexOf(difference) < 0 && fromFile(difference, keep); });
    return { differences: differences, taken: taken, given: given,
             replaced: taken.concat(given).filter(function (difference) { return difference.here !== undefined; }) };
  }

  /* The record here with the file's record loaded into it, after a review point of the answers here when
     any of them is about to be replaced. keep: as fromFile; others: as otherOf. */
  function merge(framework, here, incoming, pointName, now, keep, others) {
    var loading = preview(framework, here, incoming, keep, others);
    var merged = JSON.parse(JSON.stringify(here));
    if (loading.replaced.length) { merged.reviewPoints.push(assessments.reviewPoint(here.answers, pointName, now)); }
    merged.seen = toolkit.stamps.seenBoth(here, incoming);
    merged.raters = toolkit.stamps.ratersBoth(here, incoming);
    loading.differences.forEach(function (difference) {
      var side = loading.taken.indexOf(difference) >= 0 ? "file" : "here";
      var other = otherOf(difference, others);
      if (difference.conflict) {
        toolkit.stamps.settle(framework, merged, difference, other ? other.value : difference[side], now.getTime());
      } else if (side === "file") {
        toolkit.stamps.take(framework, merged, difference, "file");
      }
    });
    Object.keys(incoming.completed).forEach(function (id) {
      put(merged.completed, id, (has(merged.completed, id) && merged.completed[id]) || incoming.completed[id]);
    });
    ["setting", "period", "participants"].forEach(function (field) { merged[field] = incoming[field] || merged[field]; });
    // who rated it (rater, role) stays this copy's own
    if (here.moderation || incoming.moderation) { merged.moderation = moderationBoth(here.moderation, incoming.moderation); }
    incoming.reviewPoints.forEach(function (point) {
      if (!assessments.findReviewPoint(merged, point.id)) { merged.reviewPoints.push(JSON.parse(JSON.stringify(point))); }
    });
    merged.reviewPoints.sort(function (a, b) { return a.saved < b.saved ? -1 : (a.saved > b.saved ? 1 : 0); });
    incoming.actions.forEach(function (action) {
      var at = merged.actions.findIndex(function (mine) { return mine.id === action.id; });
      var copy = JSON.parse(JSON.stringify(action));
      if (at >= 0) { merged.actions[at] = copy; } else { merged.actions.push(copy); }
    });
    return merged;
  }

  /* An agreed assessment's moderation with a copy's of it loaded: the raters' judgements it was started from
     (here's, as both copies began from them); each note kept whole (where the two differ and neither holds the
     other, one box holds both); the later sign-off. */
  function moderationBoth(here, incoming) {
    if (!here || !incoming) { return JSON.parse(JSON.stringify(here || incoming)); }
    var merged = JSON.parse(JSON.stringify(here));
    Object.keys(incoming.notes).forEach(function (id) {
      var mine = has(here.notes, id) ? here.notes[id] : "";
      var theirs = incoming.notes[id];
      put(merged.notes, id, (mine.indexOf(theirs) >= 0 ? mine : theirs.indexOf(mine) >= 0 ? theirs : toolkit.changes.bothTexts(theirs, mine))
        .slice(0, assessments.MOST_NOTE));
    });
    if (incoming.on && (!here.on || incoming.on > here.on)) {
      ["by", "role", "on", "at"].forEach(function (field) { merged[field] = incoming[field]; });
    }
    return merged;
  }

  /* ---- spreadsheets */

  /* One CSV cell: quoted, with quotes doubled, and a cell that a spreadsheet could run as a formula made
     plain text with a leading apostrophe. */
  function csvCell(value) {
    var text = String(value === undefined || value === null ? "" : value);
    if (isFormula(text)) { text = "'" + text; }
    return '"' + text.replace(/"/g, '""') + '"';
  }

  /* Spreadsheets trim a cell before reading it, and some read full-width signs as their plain forms: so a
     cell is a formula when it starts with tab or carriage return, or, with its compatibility forms made
     plain (NFKC) and any leading spaces of any kind (and zero-width ones) taken off, with =, +, - or @. */
  var LEADING_SPACE = /^[\s\u0085\u180e\u200b-\u200d\u2060\ufeff]+/;
  function isFormula(text) {
    return /^[\t\r]/.test(text) || /^[=+\-@]/.test(text.normalize("NFKC").replace(LEADING_SPACE, ""));
  }

  /* CSV text that Excel opens as UTF-8: a byte order mark, then rows with Windows line endings. */
  function csv(rows) {
    return "\uFEFF" + rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  toolkit.transfer = {
    MAX_BYTES: MAX_BYTES,
    crc32: crc32,
    fileName: fileName,
    makeFile: makeFile,
    sizeProblem: sizeProblem,
    read: read,
    preview: preview,
    merge: merge,
    csvCell: csvCell,
    csv: csv
  };
}(window.SendToolkit = window.SendToolkit || {}));
