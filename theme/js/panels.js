// Needs: assessments, changes, dates, dom, scoring, types, views
/* Panels: the overview's section statuses, the answers that no longer fit this framework, and the comparison
   with a review point.
   Everything here is drawn from the app's state with .textContent; the app does the changing. */
(function (toolkit) {
  "use strict";

  var assessments = toolkit.assessments;
  var element = toolkit.dom.element;
  var byId = toolkit.dom.byId;
  var cell = toolkit.dom.cell;
  var STATUS = { "completed": "Completed", "in-progress": "In progress", "not-started": "Not started" };

  /* ---- overview: each section's status and progress */

  /* What each section's row last showed, with the answers and the tick it was worked out from: a change (every
     click on a rating) works out again only the sections whose answers or tick it changed (an edit replaces an
     item's answer, never changes it in place: stamps.js), and rewrites only the rows whose words changed. */
  var shownProgress = Object.create(null);

  function showProgress(framework, record) {
    framework.sections.forEach(function (section) {
      var answers = section.items.map(function (item) { return toolkit.changes.at(record.answers, [item.id]); });
      var completed = Boolean(record.completed[section.id]);
      var shown = shownProgress[section.id];
      if (shown && shown.completed === completed && sameObjects(shown.answers, answers)) { return; }
      var row = progressRow(framework, section, answers, record.completed);
      var words = row.words + " " + row.status;
      if (!shown || shown.words !== words) { drawProgress(section, row); }
      shownProgress[section.id] = { answers: answers, completed: completed, words: words };
    });
  }

  function sameObjects(before, now) {
    return before.every(function (value, index) { return value === now[index]; });
  }

  /* A section's progress from its items' answers (in the order of its items), an answer that no longer fits
     not counted: { words, total, status }. */
  function progressRow(framework, section, answers, completed) {
    var given = {};
    section.items.forEach(function (item, index) { if (answers[index] !== undefined) { given[item.id] = answers[index]; } });
    var progress = toolkit.scoring.sectionProgress(section, assessments.fitting(given, framework), completed);
    return { words: progress.total ? progress.done + " of " + progress.total + " " + progress.verb : "Guidance to read",
             total: progress.total, status: progress.status };
  }

  function drawProgress(section, row) {
    var status = byId(section.id + "--status");
    status.textContent = "";
    byId(section.id + "--progress").textContent = row.words;
    if (row.total) {
      status.appendChild(element("strong", STATUS[row.status], "task-status task-status--" + row.status));
    }
  }

  /* ---- answers for statements no longer in this framework, and answers that no longer fit their item */

  var ORPHANS_TITLE = "Answers that no longer fit this framework";
  var ORPHANS_TEXT = "This framework has been updated since these answers were given: their statements were taken out, " +
    "or changed so that the answers no longer fit. The answers are kept here, and in your downloads, in case you need them. " +
    "They are not counted in the summary, the priorities or the comparisons.";
  var shownOrphans = null;   // the heading and text of the page, for answers for statements taken out only

  function showOrphans(framework, record) {
    var section = byId("orphans");
    var intro = section.querySelector("p");
    if (!shownOrphans) { shownOrphans = { title: byId("orphans-title").textContent, text: intro.textContent }; }
    var ids = assessments.orphans(record.answers, framework);
    var misfits = assessments.misfits(record.answers, framework);
    section.hidden = !ids.length && !misfits.length;
    byId("orphans-title").textContent = misfits.length ? ORPHANS_TITLE : shownOrphans.title;
    intro.textContent = misfits.length ? ORPHANS_TEXT : shownOrphans.text;
    var body = byId("orphan-list").tBodies[0];
    body.textContent = "";
    ids.forEach(function (id) {
      var answer = record.answers[id];
      orphanRow(body, id, Object.keys(answer).map(function (part) { return partText(part, answer[part]); }));
    });
    misfitsByItem(misfits).forEach(function (entry) {
      orphanRow(body, entry.item, entry.parts.map(function (misfit) {
        return partText(misfit.part, misfit.value) + " (" + misfit.reason + ")";
      }));
    });
  }

  function orphanRow(body, id, lines) {
    var row = body.insertRow();
    row.appendChild(element("th", id)).scope = "row";
    cell(row, lines.join("\n"));
  }

  /* "rag: amber"; a table's rows as "a, b; c". */
  function partText(part, value) {
    return part + ": " + (Array.isArray(value) ? value.map(function (r) {
      return Object.keys(r).map(function (k) { return r[k]; }).join(", ");
    }).join("; ") : String(value));
  }

  /* Misfits grouped by item, in the order found: [{ item, parts: [misfit] }]. */
  function misfitsByItem(misfits) {
    var groups = [];
    misfits.forEach(function (misfit) {
      var last = groups[groups.length - 1];
      if (last && last.item === misfit.item) { last.parts.push(misfit); } else { groups.push({ item: misfit.item, parts: [misfit] }); }
    });
    return groups;
  }

  /* ---- comparing with a review point */

  function showComparison(framework, record, pointId) {
    var point = assessments.findReviewPoint(record, pointId);
    var list = byId("compare-changes");
    list.textContent = "";
    if (!point) {
      byId("compare-title").textContent = "Review point not found";
      byId("compare-summary").textContent = "This assessment has no such review point: it may have been deleted. Choose one from the review points.";
      return;
    }
    var changes = assessments.compare(assessments.fitting(point.answers, framework), assessments.fitting(record.answers, framework), framework);
    var count = changes.reduce(function (total, item) { return total + item.changes.length; }, 0);
    byId("compare-title").textContent = "What has changed since " + point.name;
    byId("compare-summary").textContent = count === 0
      ? "No answer has changed since the review point “" + point.name + "” was saved on " + toolkit.dates.formatDate(point.saved) + "."
      : count + (count === 1 ? " answer has" : " answers have") + " changed in " + changes.length +
        (changes.length === 1 ? " item" : " items") + " since the review point “" + point.name + "” was saved on " +
        toolkit.dates.formatDate(point.saved) + ".";
    list.appendChild(changesTable(framework, changes, ["At the review point", "Now"], "h3"));
  }

  /* The answers that changed (assessments.compare), a table a section, each under its section's heading (a
     headingTag): each item's changed parts, with the answer before and after under the two headings given. With
     choice ({ heading, control(item id, part), when(item id, part) }): a last column holding the control for each
     part (where control gives none, the control above stands for this part too), and under each answer when it
     was changed (when gives the words for before and after). */
  function changesTable(framework, changes, headings, headingTag, choice) {
    var tables = document.createDocumentFragment();
    var lastSection = null;
    var body = null;
    var controlCell = null;
    changes.forEach(function (change) {
      if (change.section !== lastSection) {
        lastSection = change.section;
        tables.appendChild(element(headingTag, byId(change.section + "-title").textContent.trim()));
        var table = element("table", undefined, "table compare-table");
        var head = table.createTHead().insertRow();
        ["Statement or question", "Answer"].concat(headings, choice ? [choice.heading] : []).forEach(function (words) {
          var th = element("th", words);
          th.scope = "col";
          head.appendChild(th);
        });
        body = table.createTBody();
        var scroll = element("div", undefined, "table-scroll");   // a region the keyboard can scroll, on a narrow screen
        scroll.setAttribute("role", "region");
        scroll.setAttribute("aria-label", byId(change.section + "-title").textContent.trim());
        scroll.tabIndex = 0;
        scroll.appendChild(table);
        tables.appendChild(scroll);
      }
      change.changes.forEach(function (part, index) {
        var row = body.insertRow();
        if (index === 0) {
          var th = element("th", itemName(change.item));
          th.scope = "row";
          th.rowSpan = change.changes.length;
          row.appendChild(th);
        }
        cell(row, partName(framework, change.item, part.part));
        var when = choice ? choice.when(change.item, part.part) : [];
        [["before", part.before], ["after", part.after]].forEach(function (side, at) {
          var shown = [valueNode(framework, change.item, part.part, side[1])];
          if (when[at]) { shown.push(element("span", when[at], "compare-table__when")); }
          cell(row, shown).className = "compare-table__" + side[0];
        });
        if (!choice) { return; }
        var control = choice.control(change.item, part.part);
        if (control) {
          controlCell = cell(row, [control]);
        } else {
          controlCell.rowSpan += 1;
        }
      });
    });
    return tables;
  }

  /* The words a statement or question is known by on the page. */
  function itemName(itemId) {
    var heading = byId(itemId + "-text") || byId(itemId + "--title") || byId(itemId + "--caption");
    if (heading) { return heading.textContent.replace(/\s+/g, " ").trim(); }
    var label = document.querySelector('label[for="' + itemId + '--answer"]');
    return label ? label.textContent.trim() : itemId;
  }

  /* The words for one part of an answer: "Where we are now", "Evidence", "Year 1, Reading, Below …", "Name (row 2)":
     what its response type calls it, else the label of its control. */
  function partName(framework, itemId, part) {
    var item = framework.items[itemId];
    var named = toolkit.types.of(item).partName(framework, item, part);
    if (named) { return named; }
    var control = byId(itemId + "--" + part);
    if (control && control.getAttribute("aria-labelledby")) {
      return control.getAttribute("aria-labelledby").split(" ").map(function (id) { return byId(id).textContent.trim(); }).join(", ");
    }
    var before = control && control.previousElementSibling;   // where the page puts a box's label: found at once
    var label = before && before.htmlFor === control.id ? before : control && document.querySelector('label[for="' + control.id + '"]');
    return label ? label.firstChild.textContent.trim() : part;
  }

  /* An answer as people read it (its response type says how): a point's label for a rating, "Not rated" or
     "No answer" when there is none; people's own words keep their lines. */
  function valueNode(framework, itemId, part, value) {
    var item = framework.items[itemId];
    var type = toolkit.types.of(item);
    var text = type.valueText(framework, item, part, value);
    if (value === undefined) { return element("span", text, "compare-table__none"); }
    return element("span", text, type.isText(item, part) ? "compare-table__text" : undefined);
  }

  toolkit.views.register("overview", {});
  toolkit.views.register("compare", { show: function (where, page) { showComparison(page.framework, page.record(), where.reviewPoint); } });

  toolkit.panels = {
    showProgress: showProgress,
    showOrphans: showOrphans,
    showComparison: showComparison,
    changesTable: changesTable,
    itemName: itemName,
    partName: partName
  };
}(window.SendToolkit = window.SendToolkit || {}));
