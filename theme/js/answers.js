/* Answers: pure functions over the answers of one assessment. No DOM here.

   answers = { <item id>: answer }, holding only what has been given:
     statement  { <rating id>: point value, evidence: "text" }   e.g. { now: 7, target: 9, evidence: "…" }
     text       { answer: "text" }
     grid       { "<row>.<group>.<column>": "cell text" }           (cells keep what was typed, numbers or not)
     form       { <field id>: "value" }, or with repeat: { rows: [{ <field id>: "value" }, …] }
   A part that is cleared is removed, and an item with nothing left is removed, so "not rated yet"
   is always an absent key, distinct from a "not applicable" rating (a point value like any other). */
(function (toolkit) {
  "use strict";

  /* The framework data from the page, with lookups by id, and replacedBy: { <old id>: [ids of the
     statements that replace it] }. */
  function index(data) {
    var items = Object.create(null);      // no inherited names: an id from a file may be "constructor"
    var sectionOf = Object.create(null);
    var replacedBy = Object.create(null);
    data.sections.forEach(function (section) {
      section.items.forEach(function (item) {
        items[item.id] = item;
        sectionOf[item.id] = section;
        (item.replaces || []).forEach(function (old) { (replacedBy[old] = replacedBy[old] || []).push(item.id); });
      });
    });
    return Object.assign({}, data, { items: items, sectionOf: sectionOf, replacedBy: replacedBy });
  }

  /* A control name "<item id>--<part>" split at its first "--". */
  function parseName(name) {
    var at = name.indexOf("--");
    return at < 0 ? { item: name, part: "" } : { item: name.slice(0, at), part: name.slice(at + 2) };
  }

  /* The point of scale whose value, as text, is text; undefined when there is none. */
  function pointFor(scale, text) {
    return scale.points.find(function (point) { return String(point.value) === String(text); });
  }

  /* Set one part of an item's answer; "", null and undefined clear it. Changes answers in place. */
  function setPart(answers, item, part, value) {
    var answer = Object.assign({}, answers[item]);
    if (value === "" || value === null || value === undefined) {
      delete answer[part];
    } else {
      answer[part] = value;
    }
    if (Object.keys(answer).length) {
      answers[item] = answer;
    } else {
      delete answers[item];
    }
  }

  /* The rows a repeating form starts with: its preset rows, then blank ones. */
  function defaultRows(form) {
    var rows = form.rows.map(function (row) { return Object.assign({}, row); });
    for (var i = 0; i < form.blank_rows; i += 1) { rows.push({}); }
    return rows;
  }

  /* Set a repeating form's rows; rows that are just the defaults clear the answer. */
  function setRows(answers, form, rows) {
    var kept = rows.map(function (row) {
      var copy = {};
      Object.keys(row).forEach(function (field) { if (row[field] !== "") { copy[field] = row[field]; } });
      return copy;
    });
    if (JSON.stringify(kept) === JSON.stringify(defaultRows(form))) {
      delete answers[form.id];
    } else {
      answers[form.id] = { rows: kept };
    }
  }

  /* Every part of an answer as { "<part>": value }: the same names as the page's controls after "<item id>--"
     (a repeating form's rows as "<row number>--<field>"). */
  function flatten(item, answer) {
    return toolkit.types.of(item).flatten(item, answer);
  }

  /* Whether an item has any answer that the user gave (a repeating form's preset rows do not count). */
  function isStarted(item, answer) {
    return toolkit.types.of(item).isStarted(item, answer);
  }

  /* Whether a statement is rated: every one of its ratings has a point (a statement with no ratings: evidence given). */
  function isRated(statement, answer) {
    if (!statement.ratings.length) { return Boolean(answer && answer.evidence); }
    return statement.ratings.every(function (rating) { return answer !== undefined && answer[rating.id] !== undefined; });
  }

  /* A section's progress: how many of its statements are rated (or, with no ratings, items answered),
     and its status, "completed" (marked so), "in-progress" or "not-started". */
  function sectionProgress(section, answers, completed) {
    var rated = section.items.filter(function (item) { return item.type === "statement" && item.ratings.length; });
    var counted = rated.length ? rated : section.items.filter(function (item) { return toolkit.types.of(item).answered; });
    var done = counted.filter(function (item) {
      return rated.length ? isRated(item, answers[item.id]) : isStarted(item, answers[item.id]);
    }).length;
    var started = section.items.some(function (item) { return isStarted(item, answers[item.id]); });
    return {
      done: done,
      total: counted.length,
      verb: rated.length ? "rated" : "answered",
      status: completed[section.id] ? "completed" : (started ? "in-progress" : "not-started")
    };
  }

  /* What differs between two sets of answers, in framework order:
     [{ item, changes: [{ part, before, after }] }], before or after undefined when not given. */
  function compare(before, after, framework) {
    var result = [];
    framework.sections.forEach(function (section) {
      section.items.forEach(function (item) {
        var old = flatten(item, before[item.id]);
        var now = flatten(item, after[item.id]);
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

  /* What a cell or number field holds: { kind: "empty" | "number" | "percent" | "other", value }.
     Accepts 12, 12.5, -3, 1,200 and 45%. */
  function parseNumber(text) {
    var trimmed = String(text === undefined ? "" : text).trim();
    if (!trimmed) { return { kind: "empty" }; }
    var match = /^(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(%?)$/.exec(trimmed);
    if (!match) { return { kind: "other" }; }
    return { kind: match[2] ? "percent" : "number", value: Number(match[1].replace(/,/g, "")) };
  }

  /* Row and column totals of a grid with totals, from its answer:
     { "<row>.<group>.total", "total.<group>.<column>", "total.<group>.total": number or null } (no group: no "<group>.").
     A line has a total only when every filled cell in it is a plain number, and at least one is filled. */
  function gridTotals(grid, answer) {
    var cells = answer || {};
    var groups = grid.groups.length ? grid.groups.map(function (group) { return group + "."; }) : [""];
    var totals = {};
    function sum(keys) {
      var values = keys.map(function (key) { return parseNumber(cells[key]); })
        .filter(function (parsed) { return parsed.kind !== "empty"; });
      if (!values.length || values.some(function (parsed) { return parsed.kind !== "number"; })) { return null; }
      return Math.round(values.reduce(function (total, parsed) { return total + parsed.value; }, 0) * 1000) / 1000;
    }
    groups.forEach(function (group) {
      var all = [];
      grid.rows.forEach(function (row) {
        var keys = grid.columns.map(function (column) { return row + "." + group + column; });
        all = all.concat(keys);
        totals[row + "." + group + "total"] = sum(keys);
      });
      grid.columns.forEach(function (column) {
        totals["total." + group + column] = sum(grid.rows.map(function (row) { return row + "." + group + column; }));
      });
      totals["total." + group + "total"] = sum(all);
    });
    return totals;
  }

  toolkit.answers = {
    index: index,
    parseName: parseName,
    pointFor: pointFor,
    setPart: setPart,
    defaultRows: defaultRows,
    setRows: setRows,
    flatten: flatten,
    isStarted: isStarted,
    isRated: isRated,
    sectionProgress: sectionProgress,
    compare: compare,
    parseNumber: parseNumber,
    gridTotals: gridTotals
  };
}(window.SendToolkit = window.SendToolkit || {}));
