// Needs: answers, assessments, dates, dom, scoring, types, views
/* Panels: the views that manage assessments and review points, the comparison with a review point,
   the section statuses on the overview, and the confirm and rename dialogs.
   Everything here is drawn from the app's state with .textContent; the app does the changing. */
(function (toolkit) {
  "use strict";

  var answers = toolkit.answers;
  var assessments = toolkit.assessments;
  var element = toolkit.dom.element;
  var byId = toolkit.dom.byId;
  var STATUS = { "completed": "Completed", "in-progress": "In progress", "not-started": "Not started" };


  /* A button whose visible words are short but whose name says what it acts on. */
  function actionButton(words, about, data) {
    var button = element("button", words, "button-link");
    button.type = "button";
    button.appendChild(element("span", " " + about, "visually-hidden"));
    Object.keys(data).forEach(function (key) { button.dataset[key] = data[key]; });
    return button;
  }

  function cell(row, content) {
    var td = row.insertCell();
    if (typeof content === "string") { td.textContent = content; } else { content.forEach(function (node) { td.appendChild(node); }); }
    return td;
  }

  /* ---- overview: each section's status and progress */

  /* What each section's row last showed, so that a change (every click on a rating) rewrites only the
     rows whose progress or status it changed. */
  var shownProgress = Object.create(null);

  function showProgress(framework, record) {
    var given = assessments.fitting(record.answers, framework);   // an answer that no longer fits is not counted
    framework.sections.forEach(function (section) {
      var progress = toolkit.scoring.sectionProgress(section, given, record.completed);
      var shown = progress.total ? progress.done + " of " + progress.total + " " + progress.verb : "Guidance to read";
      var row = shown + " " + progress.status;
      if (shownProgress[section.id] === row) { return; }
      shownProgress[section.id] = row;
      var status = byId(section.id + "--status");
      status.textContent = "";
      byId(section.id + "--progress").textContent = shown;
      if (progress.total) {
        status.appendChild(element("strong", STATUS[progress.status], "task-status task-status--" + progress.status));
      }
    });
  }

  /* ---- your assessments */

  function showAssessments(records, current, readOnly, damaged) {
    var body = byId("assessment-list").tBodies[0];
    body.textContent = "";
    assessments.byRecent(records).forEach(function (record) {
      var row = body.insertRow();
      var name = record.setting || "Untitled assessment";
      cell(row, name);
      cell(row, record.period || "");
      cell(row, record.updated ? toolkit.dates.formatDateTime(record.updated) : "Not saved yet");
      var title = assessments.title(record);
      var actions = [];
      actions.push(record.id === current.id ? element("strong", "Open now", "table__current")
                                             : actionButton("Open", title, { open: record.id }));
      actions.push(actionButton("Duplicate", title, { duplicate: record.id }));
      actions.push(actionButton("Delete", title, { delete: record.id }));
      cell(row, actions).className = "table__actions";
    });
    [["assessment-setting", "setting"], ["assessment-period", "period"], ["assessment-participants", "participants"]]
      .forEach(function (pair) {
        var field = byId(pair[0]);
        if (document.activeElement !== field) { field.value = current[pair[1]] || ""; }
        field.disabled = readOnly;
      });
    byId("assessment-name").textContent = assessments.title(current);
    showDamaged(damaged);
  }

  /* Saved assessments that cannot be read, each to download as text or remove. */
  function showDamaged(damaged) {
    byId("damaged").hidden = !damaged.length;
    byId("damaged-count").textContent = damaged.length === 1
      ? "1 assessment saved in this browser cannot be read: it has been damaged."
      : damaged.length + " assessments saved in this browser cannot be read: they have been damaged.";
    var list = byId("damaged-list");
    list.textContent = "";
    damaged.forEach(function (entry, index) {
      var item = list.appendChild(element("li"));
      var name = "damaged assessment " + (index + 1);
      item.appendChild(element("span", "Damaged assessment " + (index + 1) + " (" + entry.text.length + " characters) "));
      item.appendChild(actionButton("Download its text", "(" + name + ")", { damagedDownload: entry.id }));
      item.appendChild(actionButton("Remove", name, { damagedRemove: entry.id }));
    });
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

  /* ---- review points */

  function showReviewPoints(record, readOnly) {
    var body = byId("review-point-list").tBodies[0];
    body.textContent = "";
    byId("review-points-empty").hidden = record.reviewPoints.length > 0;
    byId("review-point-list").closest(".table-scroll").hidden = record.reviewPoints.length === 0;
    record.reviewPoints.slice().reverse().forEach(function (point) {
      var row = body.insertRow();
      cell(row, point.name);
      cell(row, toolkit.dates.formatDateTime(point.saved));
      var compare = element("a", "Compare with now");
      compare.href = "#compare-" + encodeURIComponent(point.id);
      compare.appendChild(element("span", " (" + point.name + ")", "visually-hidden"));
      var rename = actionButton("Rename", point.name, { renamePoint: point.id });
      var remove = actionButton("Delete", point.name, { deletePoint: point.id });
      rename.disabled = remove.disabled = readOnly;
      cell(row, [compare, rename, remove]).className = "table__actions";
    });
    byId("save-review-point").disabled = byId("review-point-name").disabled = readOnly;
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
    var lastSection = null;
    var body = null;
    changes.forEach(function (change) {
      if (change.section !== lastSection) {
        lastSection = change.section;
        list.appendChild(element("h3", byId(change.section + "-title").textContent.trim()));
        var table = element("table", undefined, "table compare-table");
        var head = table.createTHead().insertRow();
        ["Statement or question", "Answer", "At the review point", "Now"].forEach(function (words) {
          var th = element("th", words);
          th.scope = "col";
          head.appendChild(th);
        });
        body = table.createTBody();
        var scroll = element("div", undefined, "table-scroll");
        scroll.appendChild(table);
        list.appendChild(scroll);
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
        cell(row, [valueNode(framework, change.item, part.part, part.before)]).className = "compare-table__before";
        cell(row, [valueNode(framework, change.item, part.part, part.after)]).className = "compare-table__after";
      });
    });
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
    var label = control && document.querySelector('label[for="' + control.id + '"]');
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

  /* ---- dialogs */

  /* Ask before something that cannot be undone; resolves true for yes. */
  function confirm(title, text, yes) {
    var dialog = byId("confirm-dialog");
    byId("confirm-title").textContent = title;
    byId("confirm-text").textContent = text;
    byId("confirm-yes").textContent = yes;
    return ask(dialog, byId("confirm-no"), function () { return true; });
  }

  /* Ask for a new name; resolves with it, or null when cancelled. */
  function askName(title, current) {
    var dialog = byId("rename-dialog");
    var input = byId("rename-input");
    byId("rename-title").textContent = title;
    input.value = current;
    return ask(dialog, input, function () { return input.value.trim() || null; });
  }

  function ask(dialog, first, answer) {
    var returnTo = document.activeElement;
    return new Promise(function (resolve) {
      var yes = dialog.querySelector(".button:not(.button--secondary)");
      var no = dialog.querySelector(".button--secondary");
      function finish(result) {
        yes.removeEventListener("click", onYes);
        no.removeEventListener("click", onNo);
        dialog.removeEventListener("cancel", onNo);
        dialog.removeEventListener("close", onClose);
        dialog.removeEventListener("keydown", onKey);
        if (dialog.open) { dialog.close(); }
        if (returnTo && document.contains(returnTo)) { returnTo.focus(); }
        resolve(result);
      }
      function onYes() { finish(answer()); }
      function onNo() { finish(null); }
      /* Escape: answer at once, in the key press, so focus is back before the next key. The browser's own close
         event comes later, as a task; by then this dialog may be open again for the next question, so it only
         counts while the dialog is shut. */
      function onClose() { if (!dialog.open) { onNo(); } }
      function onKey(event) { if (event.key === "Enter" && event.target.tagName === "INPUT") { onYes(); } }
      yes.addEventListener("click", onYes);
      dialog.addEventListener("keydown", onKey);
      no.addEventListener("click", onNo);
      dialog.addEventListener("cancel", onNo);
      dialog.addEventListener("close", onClose);
      dialog.showModal();
      first.focus();
    });
  }

  toolkit.views.register("overview", {});
  toolkit.views.register("assessments", { show: function (where, page) {
    showAssessments(page.allRecords(), page.record(), page.readOnly(), page.damaged());
  } });
  toolkit.views.register("review-points", { show: function (where, page) { showReviewPoints(page.record(), page.readOnly()); } });
  toolkit.views.register("compare", { show: function (where, page) { showComparison(page.framework, page.record(), where.reviewPoint); } });

  toolkit.panels = {
    showProgress: showProgress,
    showOrphans: showOrphans,
    showAssessments: showAssessments,
    showReviewPoints: showReviewPoints,
    showComparison: showComparison,
    itemName: itemName,
    confirm: confirm,
    askName: askName
  };
}(window.SendToolkit = window.SendToolkit || {}));
