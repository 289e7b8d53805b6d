// Needs: assessments, dates, dom, messages, status, views
/* The "Your assessments" and "Review points" views: the assessments saved in this browser (start, open,
   duplicate, delete, name; remove a damaged one; make room by removing old review points), and the review points
   of the open one (save, rename, delete). Drawn with .textContent; every change goes through session.js. */
(function (toolkit) {
  "use strict";

  var assessments = toolkit.assessments;
  var byId = toolkit.dom.byId;
  var element = toolkit.dom.element;
  var actionButton = toolkit.dom.actionButton;
  var cell = toolkit.dom.cell;
  var plural = toolkit.dom.plural;
  var confirm = toolkit.dom.confirm;
  /* The open assessment's details: each field's id, and the record's field it edits (its id after "assessment-"). */
  var DETAILS = [["assessment-setting", "setting"], ["assessment-period", "period"], ["assessment-participants", "participants"],
                 ["assessment-rater", "rater"], ["assessment-role", "role"], ["assessment-writer", "writer"]];

  /* ---- your assessments */

  function showAssessments(records, current, readOnly, damaged) {
    var body = byId("assessment-list").tBodies[0];
    body.textContent = "";
    assessments.byRecent(records).forEach(function (record) {
      var row = body.insertRow();
      var name = assessments.settingText(record);
      cell(row, name);
      cell(row, record.period || "");
      cell(row, assessments.raterText(record));
      cell(row, record.updated ? toolkit.dates.formatDateTime(record.updated) : "Not saved yet");
      var title = assessments.title(record);
      var actions = [];
      actions.push(record.id === current.id ? element("strong", "Open now", "table__current")
                                             : actionButton("Open", title, { open: record.id }));
      actions.push(actionButton("Duplicate", title, { duplicate: record.id }));
      actions.push(actionButton("Delete", title, { delete: record.id }));
      cell(row, actions).className = "table__actions";
    });
    DETAILS.forEach(function (pair) {
      var field = byId(pair[0]);
      if (!field) { return; }   // who writes: only where the framework has a reviewer's sections
      var value = current[pair[1]] || "";
      if (field.tagName === "SELECT") { toolkit.dom.offer(field, value); }
      if (document.activeElement !== field) { field.value = value; }
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

  /* Keep only the latest review point of a record. */
  function latest(record) {
    record.reviewPoints = [record.reviewPoints.reduce(function (newest, point) { return point.saved >= newest.saved ? point : newest; })];
  }

  /* app, from app.js: { session (session.js), saved (records.js), store (storage.js), status (status.js),
     refresh() the page, damaged() the records that cannot be read, go(fragment) to a view }. */
  function create(framework, app) {
    var session = app.session;
    var saved = app.saved;
    var status = app.status;

    function say(text, view) {
      toolkit.messages.say(text, view, { focus: view !== "overview" });
    }

    function find(id) {
      return session.listed().find(function (record) { return record.id === id; });
    }

    /* ---- your assessments */

    function startNew() {
      var setting = byId("new-setting");
      var period = byId("new-period");
      var created = saved.write(assessments.create(framework, { setting: setting.value, period: period.value }, new Date()));
      if (created.error) {
        status.showError(created.error);
        status.showStatus();
        return;
      }
      setting.value = period.value = "";
      session.choose(created.record);
      app.go("#overview");
      say("Started a new assessment: " + assessments.title(created.record) + ".", "overview");
    }

    function openAssessment(id) {
      var record = find(id);
      session.choose(record);
      app.go("#overview");
      say("Opened " + assessments.title(record) + ".", "overview");
    }

    function duplicateAssessment(id) {
      session.flush();
      var copy = saved.write(assessments.duplicate(find(id), new Date()));
      if (copy.error) {
        status.showError(copy.error);
      } else {
        say("Made a copy: " + assessments.title(copy.record) + ".", "assessments");
      }
      app.refresh();
    }

    function deleteAssessment(id) {
      var record = find(id);
      var title = assessments.title(record);
      confirm("Delete " + title + "?",
        "Its answers and review points will be removed from this browser. This cannot be undone.",
        "Yes, delete it").then(function (yes) {
        if (!yes) { return; }
        saved.forget(id, record.revision);
        var wasOpen = id === session.record().id;
        if (wasOpen) {
          session.discard();
          session.open(session.mostRecent());
        }
        app.refresh();
        say("Deleted " + title + "." + (wasOpen ? " Open now: " + assessments.title(session.record()) + "." : ""), "assessments");
      });
    }

    function editDetails(event) {
      var field = event.target.id.replace("assessment-", "");
      var value = event.target.value.trim();
      session.change(function (record) { record[field] = value; }, true);
      byId("assessment-name").textContent = assessments.title(session.record());
      if (field === "writer") { app.refresh(); }
    }

    /* A saved assessment that cannot be read: download its text as it is, or remove it alone. */
    function downloadDamaged(id) {
      var text = saved.text(saved.name(id)) || "";
      toolkit.dom.download(text, "damaged-assessment-" + id.replace(/[^A-Za-z0-9-]/g, "") + ".txt", "text/plain;charset=utf-8");
      say("Downloaded the text of the damaged assessment. Keep it if it matters: your council's adviser may be able to recover answers from it.", "assessments");
    }

    function removeDamaged(id) {
      confirm("Remove the damaged assessment?",
        "Its text, which this page cannot read, will be removed from this browser. Download its text first if it may matter. " +
        "No other assessment is affected. This cannot be undone.", "Yes, remove it").then(function (yes) {
        if (!yes) { return; }
        saved.forget(id, Number.MAX_SAFE_INTEGER);   // its revision cannot be read: no copy of it comes back
        app.refresh();
        say("Removed the damaged assessment.", "assessments");
      });
    }

    /* Make room: in every assessment of this framework, remove every review point but the latest (asks first). */
    function removeOldReviewPoints() {
      session.flush();
      var records = session.listed().filter(function (record) { return record.reviewPoints.length > 1; });
      var count = records.reduce(function (sum, record) { return sum + record.reviewPoints.length - 1; }, 0);
      if (!count || session.readOnly()) {
        say(count ? "This assessment is open in another tab or window: remove review points there."
                  : "There are no old review points to remove: no assessment has more than one.", "assessments");
        return;
      }
      var before = app.store.usage().all;
      confirm("Remove " + plural(count, "old review point", "old review points") + "?",
        "Each assessment keeps its latest review point; the older ones, with the copies of the answers they keep, are " +
        "removed from this browser. Download your answers first if you may need them: a file keeps every review point. " +
        "Your answers now do not change. This cannot be undone.", "Yes, remove them").then(function (yes) {
        if (!yes) { return; }
        var failed = records.some(function (record) {
          if (record.id === session.record().id) {
            session.change(latest, false);
            return Boolean(status.error());
          }
          var copy = JSON.parse(JSON.stringify(record));
          latest(copy);
          return Boolean(saved.write(copy).error);
        });
        app.refresh();
        var freed = Math.max(0, before - app.store.usage().all);
        say(failed ? "Some review points could not be removed: this browser would not save the change."
                   : "Removed " + plural(count, "old review point", "old review points") + ", making room for about " +
                     Math.round(100 * freed / toolkit.status.STORE_ROOM) + "% of this browser's storage.", "assessments");
      });
    }

    /* ---- review points */

    function saveReviewPoint() {
      var full = assessments.full(session.record(), "reviewPoints");
      if (full) {
        say(full, "review-points");
        return;
      }
      var input = byId("review-point-name");
      var point = assessments.reviewPoint(session.record().answers, input.value, new Date());
      session.change(function (record) { record.reviewPoints.push(JSON.parse(JSON.stringify(point))); }, false);
      input.value = assessments.termName(new Date());
      showReviewPoints(session.record(), session.readOnly());
      var notSaved = status.notSaved();
      say(notSaved ? "The review point " + point.name + " is made but not saved. " + notSaved
                   : "Review point saved: " + point.name + ".", "review-points");
    }

    function renameReviewPoint(id) {
      var point = assessments.findReviewPoint(session.record(), id);
      toolkit.dom.askName("Rename the review point " + point.name, point.name).then(function (name) {
        if (!name) { return; }
        session.change(function (record) { assessments.renameReviewPoint(record, id, name); }, false);
        showReviewPoints(session.record(), session.readOnly());
        var notSaved = status.notSaved();
        say("Review point renamed: " + name + "." + (notSaved ? " The new name is not saved. " + notSaved : ""), "review-points");
      });
    }

    function deleteReviewPoint(id) {
      var point = assessments.findReviewPoint(session.record(), id);
      confirm("Delete the review point " + point.name + "?",
        "The copy of your answers saved on " + toolkit.dates.formatDate(point.saved) +
        " will be removed. Your answers now do not change. This cannot be undone.",
        "Yes, delete it").then(function (yes) {
        if (!yes) { return; }
        session.change(function (record) { assessments.deleteReviewPoint(record, id); }, false);
        showReviewPoints(session.record(), session.readOnly());
        var notSaved = status.notSaved();
        say("Review point deleted: " + point.name + "." + (notSaved ? " Its deletion is not saved. " + notSaved : ""), "review-points");
      });
    }

    /* ---- wiring */

    byId("assessments").addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      if (button.dataset.damagedDownload) { downloadDamaged(button.dataset.damagedDownload); }
      if (button.dataset.damagedRemove) { removeDamaged(button.dataset.damagedRemove); }
      if (button.id === "new-assessment") { startNew(); }
      if (button.id === "remove-old-review-points") { removeOldReviewPoints(); }
      if (button.dataset.open) { openAssessment(button.dataset.open); }
      if (button.dataset.duplicate) { duplicateAssessment(button.dataset.duplicate); }
      if (button.dataset.delete) { deleteAssessment(button.dataset.delete); }
    });
    byId("review-points").addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      if (button.id === "save-review-point") { saveReviewPoint(); }
      if (button.dataset.renamePoint) { renameReviewPoint(button.dataset.renamePoint); }
      if (button.dataset.deletePoint) { deleteReviewPoint(button.dataset.deletePoint); }
    });
    [["new-setting", "new-assessment"], ["new-period", "new-assessment"], ["review-point-name", "save-review-point"]]
      .forEach(function (pair) {
        byId(pair[0]).addEventListener("keydown", function (event) {
          if (event.key === "Enter") { byId(pair[1]).click(); }
        });
      });
    DETAILS.forEach(function (pair) {
      var field = byId(pair[0]);
      if (field) { field.addEventListener(field.tagName === "SELECT" ? "change" : "input", editDetails); }
    });
    byId("review-point-name").value = assessments.termName(new Date());

    toolkit.views.register("assessments", { show: function () {
      showAssessments(session.listed(), session.record(), session.readOnly(), app.damaged());
    } });
    toolkit.views.register("review-points", { show: function () { showReviewPoints(session.record(), session.readOnly()); } });
  }

  toolkit.assessmentsView = { create: create };
}(window.SendToolkit = window.SendToolkit || {}));
