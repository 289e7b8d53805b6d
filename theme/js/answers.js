// Needs: nothing
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
    parseNumber: parseNumber,
    gridTotals: gridTotals
  };
}(window.SendToolkit = window.SendToolkit || {}));
