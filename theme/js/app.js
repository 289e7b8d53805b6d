// Needs: answers, assessments, controls, dates, dom, durable, filesView, panels, planView, printing, records, results, session, storage, transfer, views
/* The app: starts the page's scripts, wires them together, and says what happens: the status line, save errors,
   messages, the storage meter. The open assessment and its saving are session.js's; the saved records are
   records.js's. Also the actions on assessments and review points, loading a file, and printing. */
(function (toolkit) {
  "use strict";

  var answers = toolkit.answers;
  var assessments = toolkit.assessments;
  var panels = toolkit.panels;
  var transfer = toolkit.transfer;
  var STORE_ROOM = 5 * 1024 * 1024;   // characters of localStorage a site (or, in Chromium, every file:// page) gets
  var NEARLY_FULL = 0.8;

  var SAVE_ERRORS = {
    full: "Your last change was not saved, because this browser's storage is full. Everything saved before it is " +
      "still here. Pages opened from files share storage with other pages on this computer; deleting assessments " +
      "you no longer need (in Your assessments) makes room. The page tries again with your next change.",
    failed: "Your last change was not saved: this browser would not save it. Everything saved before it is still " +
      "here. The page tries again with your next change."
  };

  /* Said after a change that could not be saved, after what it was. */
  var NOT_SAVED = {
    full: "This browser's storage is full: the change stays on this page until you close it. Download your answers " +
      "(Download or load) to keep it, and make room in Your assessments.",
    failed: "This browser would not save it: the change stays on this page until you close it. Download your answers " +
      "(Download or load) to keep it.",
    memory: "This browser is not letting the page keep anything: download your answers (Download or load) before you " +
      "close this page."
  };

  function start() {
    var scriptsOff = document.getElementById("scripts-off");   // the scripts run: the notice that they do not goes
    if (scriptsOff) { scriptsOff.remove(); }
    var dataElement = document.getElementById("framework-data");
    if (!dataElement) { return; }
    if (window.performance && performance.mark) { performance.mark("send-toolkit:start"); }  // for benchmarks/run.py
    var framework = answers.index(JSON.parse(dataElement.textContent));
    var store = toolkit.storage.open(document.documentElement.dataset.storagePrefix);
    var durable = toolkit.durable.open(store.prefix);
    var safari = toolkit.storage.deletesUnopened(navigator.userAgent, window.location.protocol);   // deletes after 7 days
    var state = { error: null, message: null };   // the last save's error, and the view the last message was said on
    var saved = toolkit.records.open(store, durable, framework, showStatus);
    var session = toolkit.session.open(framework, store, saved, {
      fill: function (record) { controls.fill(record); },
      changed: function (record) { panels.showProgress(framework, record); },
      showError: showError,
      showStatus: showStatus,
      showStorageUse: showStorageUse,
      askForDownload: askForDownload,
      refresh: refresh,
      say: function (text) { say(text); },
      readOnly: function (on) {
        controls.setReadOnly(on);
        byId("tab-notice").hidden = !on;
        refresh();
      },
      otherSaved: function (name) {
        showStorageUse();
        showStatus();
        if (name.indexOf("assessment:") === 0 && views.current().view === "assessments") {
          toolkit.views.keepFocus(function () { onShow(views.current()); });
        }
      }
    });
    var change = session.change;
    var flush = session.flush;
    var byId = toolkit.dom.byId;
    var plural = toolkit.dom.plural;

    document.querySelectorAll("[data-enhance]").forEach(function (element) { element.hidden = false; });
    byId("storage-warning").hidden = store.persistent;
    var controls = toolkit.controls.create(byId("main"), framework, change, function (text) { say(text); });
    var views = toolkit.views.create(framework, onShow);
    /* What a view's script may ask of the app when it shows (views.register). */
    var page = {
      framework: framework,
      record: session.record,
      readOnly: session.readOnly,
      allRecords: allRecords,
      damaged: saved.damaged
    };
    var planView = toolkit.planView.create(framework, change, session.record,
                                           function () { return session.readOnly(); });
    toolkit.filesView.create(framework, {
      flush: flush,
      current: session.record,
      saved: saved.all,
      onScreen: onScreen,
      unsaved: session.unsaved,
      readOnly: session.readOnly,
      downloaded: saved.downloaded,
      markDownloaded: markDownloaded,
      load: load,
      planRows: function () { return planView.rows(session.record()); }
    });

    /* ---- saved records (records.js) */

    function markDownloaded(records, when) {
      saved.markDownloaded(records, when);
      showStatus();
    }

    /* The assessments as they are on screen: those saved, with the open one as it is here (with any change
       the browser would not save); the open one only once it holds something. */
    function onScreen() {
      var records = saved.all().map(function (record) { return record.id === session.record().id ? session.record() : record; });
      var listed = records.indexOf(session.record()) >= 0;
      return listed || !session.unsaved() ? records : records.concat([session.record()]);
    }

    /* Every assessment to list: those saved, and the open one even before its first save. */
    function allRecords() {
      var others = saved.all().filter(function (record) { return record.id !== session.record().id; });
      return others.concat([session.record()]);
    }

    function showError(error) {
      if (error === "full" && state.error !== "full") { showStorageUse(); }
      state.error = error;
      byId("save-error").textContent = error ? SAVE_ERRORS[error] : "";
    }

    /* How much of the store is used, on Your assessments, and a warning under the tool bar before it is full. */
    function showStorageUse() {
      var use = store.usage();
      var percent = function (size) { return Math.min(100, Math.round(100 * size / STORE_ROOM)) + "%"; };
      byId("storage-use").textContent = !store.persistent ? "This browser is not letting the page keep anything." :
        "The assessments of this framework use " + percent(use.ours) + " of the room this browser gives for saving (about 5 MB)" +
        (use.all > use.ours ? "; with what other frameworks and other pages keep there, " + percent(use.all) + " is used." : ".");
      byId("storage-notice").hidden = !store.persistent || use.all < NEARLY_FULL * STORE_ROOM;
      byId("storage-notice-use").textContent = "Saved answers, here and on other pages that share this browser's storage, use " +
        percent(use.all) + " of the room it gives (about 5 MB).";
    }

    function showStatus() {
      var text;
      if (session.readOnly()) {
        text = "Read only here: this assessment is open in another tab or window";
      } else if (!store.persistent) {
        text = "Not saved: this browser is not letting the page keep your work";
      } else if (state.error) {
        text = state.error === "full" ? "Not saved: this browser's storage is full" : "Not saved: this browser would not save it";
      } else if (session.record().updated && saved.safety(session.record().id) === "unsafe") {
        text = "Kept in this browser " + toolkit.dates.formatWhen(session.record().updated, new Date()) +
          ", but not yet safe from a crash: the browser writes it to disk within a minute. Download your answers to be safe";
      } else if (session.record().updated && saved.safety(session.record().id) === "saving") {
        text = "Saving…";
      } else if (session.record().updated) {
        var marker = saved.downloaded(session.record().id);
        var upToDate = marker && marker.revision >= session.record().revision;
        text = "Saved in this browser " + toolkit.dates.formatWhen(session.record().updated, new Date()) +
          (upToDate ? "; downloaded " + toolkit.dates.formatWhen(marker.at, new Date())
                    : (marker ? "; changed since you last downloaded it" : "; not downloaded to a file yet"));
      } else {
        text = "Nothing entered yet: your answers are saved in this browser as you go";
      }
      var downloadedAll = Boolean(session.record().updated) && isDownloaded(session.record());
      if (safari && /^(Saved in this browser|Nothing entered yet)/.test(text)) {
        text += ". Safari may delete answers kept here after 7 days of use without opening this page: a downloaded file is the safe copy";
      }
      var status = byId("save-status");
      if (status.textContent !== text) { status.textContent = text; }
      byId("download-nudge").hidden = !session.record().updated || downloadedAll;
      if (downloadedAll) { byId("safari-notice").hidden = true; }
      byId("start-notice").hidden = !store.persistent || Boolean(session.record().updated) || saved.names().length > 0;
    }

    /* Whether the last download of a record holds its revision now. */
    function isDownloaded(record) {
      var marked = saved.downloaded(record.id);
      return Boolean(marked && marked.revision >= record.revision);
    }

    /* In Safari, on opening an assessment changed since it was last downloaded, the download comes first: a
       notice at the top says when it was last downloaded. It stays until the download, and is not shown again
       for changes made after it (it would move the page under the person's hands). */
    function askForDownload() {
      var marked = saved.downloaded(session.record().id);
      var behind = safari && store.persistent && Boolean(session.record().updated) && !isDownloaded(session.record());
      byId("safari-notice").hidden = !behind;
      byId("safari-downloaded").textContent = !behind ? "" : marked
        ? "Your answers have changed since you last downloaded them, " + toolkit.dates.formatWhen(marked.at, new Date()) + "."
        : "You have not downloaded these answers to a file yet.";
    }

    /* A short message about something just done, kept while its view shows. */
    function say(text, view, focus) {
      var message = byId("done-message");
      message.textContent = text;
      state.message = view || views.current().view;
      if (focus) {
        message.setAttribute("tabindex", "-1");
        message.focus();
      }
    }

    /* ---- the views */

    function refresh() {
      showStorageUse();
      panels.showProgress(framework, session.record());
      panels.showOrphans(framework, session.record());
      byId("assessment-name").textContent = assessments.title(session.record());
      showStatus();
      onShow(views.current());
    }

    function onShow(where) {
      if (state.message !== where.view) {
        byId("done-message").textContent = "";
        state.message = null;
      }
      toolkit.views.tell(where, page);
    }

    /* ---- your assessments */

    function find(id) {
      return allRecords().find(function (record) { return record.id === id; });
    }

    function startNew() {
      var setting = byId("new-setting");
      var period = byId("new-period");
      var created = saved.write(assessments.create(framework, { setting: setting.value, period: period.value }, new Date()));
      if (created.error) {
        showError(created.error);
        showStatus();
        return;
      }
      setting.value = period.value = "";
      session.open(created.record);
      store.write("current", created.record.id);
      views.go("#overview");
      say("Started a new assessment: " + assessments.title(created.record) + ".", "overview");
    }

    function openAssessment(id) {
      var record = find(id);
      session.open(record);
      store.write("current", id);
      views.go("#overview");
      say("Opened " + assessments.title(record) + ".", "overview");
    }

    function duplicateAssessment(id) {
      flush();
      var copy = saved.write(assessments.duplicate(find(id), new Date()));
      if (copy.error) {
        showError(copy.error);
      } else {
        say("Made a copy: " + assessments.title(copy.record) + ".", "assessments", true);
      }
      refresh();
    }

    function deleteAssessment(id) {
      var record = find(id);
      var title = assessments.title(record);
      panels.confirm("Delete " + title + "?",
        "Its answers and review points will be removed from this browser. This cannot be undone.",
        "Yes, delete it").then(function (yes) {
        if (!yes) { return; }
        saved.forget(id, record.revision);
        var wasOpen = id === session.record().id;
        if (wasOpen) {
          session.discard();
          session.open(session.mostRecent());
        }
        refresh();
        say("Deleted " + title + "." + (wasOpen ? " Open now: " + assessments.title(session.record()) + "." : ""), "assessments", true);
      });
    }

    function editDetails(event) {
      var field = event.target.id.replace("assessment-", "");
      var value = event.target.value.trim();
      change(function (record) { record[field] = value; }, true);
      byId("assessment-name").textContent = assessments.title(session.record());
    }

    /* A saved assessment that cannot be read: download its text as it is, or remove it alone. */
    function downloadDamaged(id) {
      var text = saved.text(saved.name(id)) || "";
      toolkit.dom.download(text, "damaged-assessment-" + id.replace(/[^A-Za-z0-9-]/g, "") + ".txt", "text/plain;charset=utf-8");
      say("Downloaded the text of the damaged assessment. Keep it if it matters: your council's adviser may be able to recover answers from it.", "assessments", true);
    }

    function removeDamaged(id) {
      panels.confirm("Remove the damaged assessment?",
        "Its text, which this page cannot read, will be removed from this browser. Download its text first if it may matter. " +
        "No other assessment is affected. This cannot be undone.", "Yes, remove it").then(function (yes) {
        if (!yes) { return; }
        saved.forget(id, Number.MAX_SAFE_INTEGER);   // its revision cannot be read: no copy of it comes back
        refresh();
        say("Removed the damaged assessment.", "assessments", true);
      });
    }

    /* Keep only the latest review point of a record. */
    function latest(record) {
      record.reviewPoints = [record.reviewPoints.reduce(function (newest, point) { return point.saved >= newest.saved ? point : newest; })];
    }

    /* Make room: in every assessment of this framework, remove every review point but the latest (asks first). */
    function removeOldReviewPoints() {
      flush();
      var records = allRecords().filter(function (record) { return record.reviewPoints.length > 1; });
      var count = records.reduce(function (sum, record) { return sum + record.reviewPoints.length - 1; }, 0);
      if (!count || session.readOnly()) {
        say(count ? "This assessment is open in another tab or window: remove review points there."
                  : "There are no old review points to remove: no assessment has more than one.", "assessments", true);
        return;
      }
      var before = store.usage().all;
      panels.confirm("Remove " + plural(count, "old review point", "old review points") + "?",
        "Each assessment keeps its latest review point; the older ones, with the copies of the answers they keep, are " +
        "removed from this browser. Download your answers first if you may need them: a file keeps every review point. " +
        "Your answers now do not change. This cannot be undone.", "Yes, remove them").then(function (yes) {
        if (!yes) { return; }
        var failed = records.some(function (record) {
          if (record.id === session.record().id) {
            change(latest, false);
            return Boolean(state.error);
          }
          var copy = JSON.parse(JSON.stringify(record));
          latest(copy);
          return Boolean(saved.write(copy).error);
        });
        refresh();
        var freed = Math.max(0, before - store.usage().all);
        say(failed ? "Some review points could not be removed: this browser would not save the change."
                   : "Removed " + plural(count, "old review point", "old review points") + ", making room for about " +
                     Math.round(100 * freed / STORE_ROOM) + "% of this browser's storage.", "assessments", true);
      });
    }

    /* ---- loading a file of answers: [{ record, into: "new" or the id of an assessment here }].
       All or nothing: if any write fails, what was written is put back. */
    function load(steps, pointName) {
      flush();
      var now = new Date();
      var words = [];
      var records = [];
      for (var i = 0; i < steps.length; i += 1) {
        var step = steps[i];
        var record;
        if (step.into === "new") {
          record = JSON.parse(JSON.stringify(step.record));
          if (saved.text(saved.name(record.id)) !== null || record.id === session.record().id ||
              records.some(function (other) { return other.id === record.id; })) { record.id = assessments.newId("a", now); }
          words.push("“" + assessments.title(record) + "” added as a new assessment");
        } else {
          var here = saved.read(step.into) || session.record();
          record = transfer.merge(here, step.record, pointName, now);
          words.push("loaded into “" + assessments.title(here) + "”" + (transfer.conflicts(here, step.record).length
            ? " (a review point, “" + pointName + "”, keeps the answers it had)" : ""));
        }
        records.push(record);
      }
      var result = saved.writeAll(records);
      if (result.error) {
        return { error: "Nothing was loaded: " + (result.error === "full" ? "this browser's storage is full" : "this browser would not save it") +
          ". Everything saved before is still here, unchanged." };
      }
      var first = result.records[0];
      session.open(first);
      store.write("current", first.id);
      return { words: words };
    }

    /* ---- review points */

    /* Why the last change is not saved, in words for a message, or "" when it is. */
    function notSaved() {
      return state.error ? NOT_SAVED[state.error] : (store.persistent ? "" : NOT_SAVED.memory);
    }

    function saveReviewPoint() {
      var input = byId("review-point-name");
      var point = assessments.reviewPoint(session.record().answers, input.value, new Date());
      change(function (record) { record.reviewPoints.push(JSON.parse(JSON.stringify(point))); }, false);
      input.value = assessments.termName(new Date());
      onShow(views.current());
      say(notSaved() ? "The review point " + point.name + " is made but not saved. " + notSaved()
                     : "Review point saved: " + point.name + ".", "review-points", true);
    }

    function renameReviewPoint(id) {
      var point = assessments.findReviewPoint(session.record(), id);
      panels.askName("Rename the review point " + point.name, point.name).then(function (name) {
        if (!name) { return; }
        change(function (record) { assessments.renameReviewPoint(record, id, name); }, false);
        onShow(views.current());
        say("Review point renamed: " + name + "." + (notSaved() ? " The new name is not saved. " + notSaved() : ""),
          "review-points", true);
      });
    }

    function deleteReviewPoint(id) {
      var point = assessments.findReviewPoint(session.record(), id);
      panels.confirm("Delete the review point " + point.name + "?",
        "The copy of your answers saved on " + toolkit.dates.formatDate(point.saved) +
        " will be removed. Your answers now do not change. This cannot be undone.",
        "Yes, delete it").then(function (yes) {
        if (!yes) { return; }
        change(function (record) { assessments.deleteReviewPoint(record, id); }, false);
        onShow(views.current());
        say("Review point deleted: " + point.name + "." + (notSaved() ? " Its deletion is not saved. " + notSaved() : ""),
          "review-points", true);
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
    [["new-setting", "new-assessment"], ["new-period", "new-assessment"], ["review-point-name", "save-review-point"]]
      .forEach(function (pair) {
        byId(pair[0]).addEventListener("keydown", function (event) {
          if (event.key === "Enter") { byId(pair[1]).click(); }
        });
      });
    byId("assessment-setting").addEventListener("input", editDetails);
    byId("assessment-period").addEventListener("input", editDetails);
    byId("assessment-participants").addEventListener("input", editDetails);
    byId("priorities").addEventListener("click", function (event) {
      var button = event.target.closest("button[data-add-action]");
      if (!button) { return; }
      var statement = button.dataset.addAction;
      var id = planView.addAction([statement], { target: toolkit.results.suggestedTarget(framework, session.record(), statement) });
      views.go("#action-" + id);
      say("Added to the action plan as action " + session.record().actions.length + ": say what you will do, who will do it, and when to review it.", "plan");
    });
    toolkit.printing.wire(framework, session, controls, planView);
    byId("review-points").addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      if (button.id === "save-review-point") { saveReviewPoint(); }
      if (button.dataset.renamePoint) { renameReviewPoint(button.dataset.renamePoint); }
      if (button.dataset.deletePoint) { deleteReviewPoint(button.dataset.deletePoint); }
    });
    document.addEventListener("focusout", flush);
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") { flush(); } });
    window.addEventListener("pagehide", flush);
    window.addEventListener("beforeunload", function (event) {
      flush();
      if (session.unsaved() || (!store.persistent && session.record().updated)) {
        event.preventDefault();   // the browser asks whether to leave; what is not saved would be lost
        event.returnValue = "";
      }
    });

    byId("review-point-name").value = assessments.termName(new Date());
    session.open(session.mostRecent());
    views.start();
    session.recover();
    document.documentElement.classList.remove("js-starting", "js-saved", "js-fresh", "js-no-storage");  // see start.js
    if (window.performance && performance.mark) { performance.mark("send-toolkit:ready"); }  // for benchmarks/run.py
  }

  /* If the page cannot start (a script failed), it says that nothing is being saved, locks the boxes and
     offers what is saved as a file; the error still reaches the browser's console. Uses nothing but the
     page and localStorage, as any other script may be the one that failed. */
  function startFailed(error) {
    var root = document.documentElement;
    root.classList.remove("js-starting");
    document.getElementById("tool-bar").hidden = true;   // its views need the scripts that failed
    var scriptsOff = document.getElementById("scripts-off");
    if (scriptsOff) { scriptsOff.remove(); }
    document.querySelectorAll(".sections input, .sections textarea, .sections select, .sections button")
      .forEach(function (control) { control.disabled = true; });
    var notice = document.getElementById("start-failed");
    document.getElementById("start-failed-error").textContent = String(error && error.message || error);
    document.getElementById("start-failed-download").addEventListener("click", function () {
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([savedText(root.dataset.storagePrefix)], { type: "application/json" }));
      link.download = root.dataset.storagePrefix.split(":").filter(Boolean).join("-") + "-saved.json";
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
    notice.hidden = false;
    notice.focus();
    window.addEventListener("load", function () { notice.focus(); });   // the page's fragment is gone to after parsing
  }

  /* What this framework keeps in localStorage, as a file of answers when the files script can make one,
     else every key and its text as they are. */
  function savedText(prefix) {
    var saved = {};
    try {
      for (var i = 0; i < window.localStorage.length; i += 1) {
        var key = window.localStorage.key(i);
        if (key.indexOf(prefix) === 0) { saved[key] = window.localStorage.getItem(key); }
      }
      var records = Object.keys(saved).filter(function (key) { return key.indexOf(prefix + "assessment:") === 0; })
        .map(function (key) { return JSON.parse(saved[key]); });
      var framework = JSON.parse(document.getElementById("framework-data").textContent);
      return toolkit.transfer.makeFile(framework, document.querySelector("h1").textContent.trim(), records, new Date());
    } catch (error) {
      return JSON.stringify(saved, null, 1);
    }
  }

  try {
    if (window.SendToolkitErrors) { throw window.SendToolkitErrors[0]; }   // a script before this one threw (build.py)
    start();
  } catch (error) {
    startFailed(error);
    throw error;
  }
}(window.SendToolkit = window.SendToolkit || {}));
