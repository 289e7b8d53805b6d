// Needs: answers, assessments, changes, controls, dates, dom, durable, filesView, panels, plan, planView, printing, records, results, storage, transfer, types, views
/* The app: starts the page's scripts and holds the open assessment.
   Every change is a function that edits a record. It is applied to the open record at once and
   saved at once (typing: after 300 ms, or when the box is left or the page hidden). If another tab
   saved since, the changes not yet saved are applied again to what it saved, so neither is lost.
   Where the browser has Web Locks, only one tab edits an assessment; the others follow it read-only. */
(function (toolkit) {
  "use strict";

  var answers = toolkit.answers;
  var assessments = toolkit.assessments;
  var panels = toolkit.panels;
  var transfer = toolkit.transfer;
  var TYPING_DELAY = 300;
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
    var state = { record: null, pending: [], timer: null, readOnly: false, error: null, lock: null, message: null,
                  ready: false, base: null };
    var saved = toolkit.records.open(store, durable, framework, showStatus);
    var byId = toolkit.dom.byId;
    var plural = toolkit.dom.plural;

    document.querySelectorAll("[data-enhance]").forEach(function (element) { element.hidden = false; });
    byId("storage-warning").hidden = store.persistent;
    var controls = toolkit.controls.create(byId("main"), framework, change, function (text) { say(text); });
    var views = toolkit.views.create(framework, onShow);
    /* What a view's script may ask of the app when it shows (views.register). */
    var page = {
      framework: framework,
      record: function () { return state.record; },
      readOnly: function () { return state.readOnly; },
      allRecords: allRecords,
      damaged: saved.damaged
    };
    var planView = toolkit.planView.create(framework, change, function () { return state.record; },
                                           function () { return state.readOnly; });
    toolkit.filesView.create(framework, {
      flush: flush,
      current: function () { return state.record; },
      saved: saved.all,
      onScreen: onScreen,
      unsaved: function () { return state.pending.length > 0; },
      readOnly: function () { return state.readOnly; },
      downloaded: saved.downloaded,
      markDownloaded: markDownloaded,
      load: load,
      planRows: function () { return planView.rows(state.record); }
    });

    /* ---- saved records (records.js) */

    function markDownloaded(records, when) {
      saved.markDownloaded(records, when);
      showStatus();
    }

    /* The assessments as they are on screen: those saved, with the open one as it is here (with any change
       the browser would not save); the open one only once it holds something. */
    function onScreen() {
      var records = saved.all().map(function (record) { return record.id === state.record.id ? state.record : record; });
      var listed = records.indexOf(state.record) >= 0;
      return listed || !state.pending.length ? records : records.concat([state.record]);
    }

    /* Every assessment to list: those saved, and the open one even before its first save. */
    function allRecords() {
      var others = saved.all().filter(function (record) { return record.id !== state.record.id; });
      return others.concat([state.record]);
    }

    /* ---- changing and saving the open assessment */

    function change(edit, typing) {
      if (state.readOnly) { return; }
      edit(state.record);
      state.pending.push(edit);
      panels.showProgress(framework, state.record);
      window.clearTimeout(state.timer);
      if (typing) {
        state.timer = window.setTimeout(flush, TYPING_DELAY);
      } else {
        flush();
      }
    }

    /* Save the changes waiting. Nothing is saved before the durable copy has been compared with
       localStorage on opening (a newer copy from before a crash must not be written over). */
    function flush() {
      window.clearTimeout(state.timer);
      if (!state.pending.length || state.readOnly || !state.ready) { return; }
      var record = state.record;
      var asWritten = saved.asWritten(record);
      if (!asWritten && record.updated && saved.text(saved.name(record.id)) === null) {
        deletedElsewhere();   // saved before, gone now: never bring it back
        return;
      }
      var stored = asWritten ? null : saved.read(record.id);   // null: as written, so at this revision
      if (stored && overwritten(stored)) { rebase(); }
      var merged = Boolean(stored) && stored.revision !== state.record.revision ? mergeTabs(stored) : null;
      var before = merged ? saved.text(saved.name(record.id)) : state.base;
      var edits = state.pending;
      record = merged ? merged.record : state.record;
      var result = saved.write(record);
      if (result.error) {
        state.record = record;
        showError(result.error);
      } else {
        saved.last().before = before;   // what it was made from, and the changes made, to make again if overwritten
        saved.last().edits = edits;
        state.record = result.record;
        state.base = result.text;
        state.pending = [];
        showError(null);
        if (store.read("current") !== record.id) { store.write("current", record.id); }
      }
      if (merged) {
        controls.fill(state.record);
        say(merged.words);
      }
      showStatus();
    }

    /* Whether another tab's save has just replaced this tab's last one: without Web Locks, two tabs can
       save the same revision at the same moment, and the later write wins in storage. */
    function overwritten(stored) {
      var last = saved.last();
      return Boolean(last && last.edits) && last.id === stored.id && last.revision === state.record.revision &&
        stored.revision <= last.revision && saved.text(saved.name(stored.id)) !== last.text;
    }

    /* Then this tab's last save is made again on top of the other tab's: its changes wait to be saved
       once more, from the copy it was made from. */
    function rebase() {
      var last = saved.last();
      state.pending = last.edits.concat(state.pending);
      state.base = last.before;
      state.record.revision = last.revision - 1;
      saved.forgetLast();
    }

    /* Another tab saved this assessment since this one last did (no Web Locks, or a tab that lost its
       lock): this tab's waiting changes are applied to what it saved. Where both changed the same text,
       both texts are kept in the box; where both changed the same rating, this tab's (the later) stays. */
    function mergeTabs(stored) {
      var base = state.base ? JSON.parse(state.base) : {};
      var both = toolkit.changes.bothChanged(base, state.record, stored, isText);
      var theirs = both.texts.map(function (path) { return toolkit.changes.at(stored, path); });
      state.pending.forEach(function (edit) { edit(stored); });
      both.texts.forEach(function (path, index) {
        toolkit.changes.setAt(stored, path, toolkit.changes.bothTexts(theirs[index], toolkit.changes.at(stored, path)));
      });
      var words = "This assessment was also changed in another tab or window: those changes and yours are both kept.";
      if (both.texts.length) {
        words += " " + plural(both.texts.length, "box was", "boxes were") + " changed in both: each now holds " +
          "both texts, the other tab's first, then yours. Please read " + (both.texts.length === 1 ? "it" : "them") + " and tidy up.";
      }
      if (both.others.length) {
        words += " " + plural(both.others.length, "rating or date was", "ratings or dates were") + " changed in both: yours " +
          (both.others.length === 1 ? "is" : "are") + " kept.";
      }
      return { record: stored, words: words };
    }

    /* Whether a path in a record holds a person's own words, which two tabs' changes can both keep:
       evidence, text answers, text fields of forms and text grids, the action plan's words, the
       assessment's details and review point names; not ratings, choices, numbers or dates. */
    function isText(path) {
      if (path[0] === "answers") {
        var item = framework.items[path[1]];
        var part = path[path.length - 1];
        return Boolean(item) && toolkit.types.of(item).isText(item, part);
      }
      if (path[0] === "actions") { return toolkit.plan.WORDS.indexOf(path[2]) >= 0; }
      if (path[0] === "reviewPoints") { return path[2] === "name"; }
      return ["setting", "period", "participants"].indexOf(path[0]) >= 0 && path.length === 1;
    }

    function deletedElsewhere() {
      var lost = state.pending.length > 0;
      state.pending = [];
      window.clearTimeout(state.timer);
      open(openMostRecent());
      say("The assessment that was open here was deleted in another tab or window" +
        (lost ? ", so your last changes to it were not kept." : "."));
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
      if (state.readOnly) {
        text = "Read only here: this assessment is open in another tab or window";
      } else if (!store.persistent) {
        text = "Not saved: this browser is not letting the page keep your work";
      } else if (state.error) {
        text = state.error === "full" ? "Not saved: this browser's storage is full" : "Not saved: this browser would not save it";
      } else if (state.record.updated && saved.safety(state.record.id) === "unsafe") {
        text = "Kept in this browser " + toolkit.dates.formatWhen(state.record.updated, new Date()) +
          ", but not yet safe from a crash: the browser writes it to disk within a minute. Download your answers to be safe";
      } else if (state.record.updated && saved.safety(state.record.id) === "saving") {
        text = "Saving…";
      } else if (state.record.updated) {
        var marker = saved.downloaded(state.record.id);
        var upToDate = marker && marker.revision >= state.record.revision;
        text = "Saved in this browser " + toolkit.dates.formatWhen(state.record.updated, new Date()) +
          (upToDate ? "; downloaded " + toolkit.dates.formatWhen(marker.at, new Date())
                    : (marker ? "; changed since you last downloaded it" : "; not downloaded to a file yet"));
      } else {
        text = "Nothing entered yet: your answers are saved in this browser as you go";
      }
      var downloadedAll = Boolean(state.record.updated) && isDownloaded(state.record);
      if (safari && /^(Saved in this browser|Nothing entered yet)/.test(text)) {
        text += ". Safari may delete answers kept here after 7 days of use without opening this page: a downloaded file is the safe copy";
      }
      var status = byId("save-status");
      if (status.textContent !== text) { status.textContent = text; }
      byId("download-nudge").hidden = !state.record.updated || downloadedAll;
      if (downloadedAll) { byId("safari-notice").hidden = true; }
      byId("start-notice").hidden = !store.persistent || Boolean(state.record.updated) || saved.names().length > 0;
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
      var marked = saved.downloaded(state.record.id);
      var behind = safari && store.persistent && Boolean(state.record.updated) && !isDownloaded(state.record);
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

    /* ---- opening an assessment, and one editing tab per assessment */

    function open(record) {
      flush();
      var reopening = state.lock && state.record && state.record.id === record.id;
      state.record = record;
      state.base = JSON.stringify(record);
      state.pending = [];
      showError(null);
      controls.fill(record);
      if (!reopening) { lock(record); }  // this tab holds the lock already
      askForDownload();
      refresh();
    }

    function openMostRecent() {
      var records = assessments.byRecent(saved.all());
      var current = store.read("current");
      return records.find(function (record) { return record.id === current; }) || records[0] ||
        assessments.create(framework, {}, new Date());
    }

    function setReadOnly(on) {
      state.readOnly = on;
      controls.setReadOnly(on);
      byId("tab-notice").hidden = !on;
      refresh();
    }

    function lock(record) {
      if (state.lock) { state.lock.release(); }
      state.lock = null;
      if (state.readOnly) { setReadOnly(false); }
      if (!navigator.locks) { return; }
      var name = store.prefix + "edit:" + record.id;
      var waiting = new AbortController();
      var release;
      var held = new Promise(function (resolve) { release = resolve; });
      var mine = { release: function () { waiting.abort(); release(); } };
      state.lock = mine;
      navigator.locks.request(name, { ifAvailable: true }, function (granted) {
        if (granted || state.lock !== mine) { return held; }
        setReadOnly(true);
        return navigator.locks.request(name, { signal: waiting.signal }, function () {
          if (state.lock !== mine) { return null; }
          state.record = saved.read(record.id) || state.record;
          controls.fill(state.record);
          setReadOnly(false);
          say("The other tab or window has closed: you can make changes here now.");
          return held;
        }).catch(function () { return null; });
      });
    }

    /* Another tab saved: follow it when this tab has nothing of its own waiting to be saved. Only what
       the save changed is redrawn, and never under the person's hands: focus, caret and scroll stay put. */
    window.addEventListener("storage", function (event) {
      var name = store.nameOf(event.key);
      if (name === null) { return; }
      if (name === saved.name(state.record.id)) {
        var newer = assessments.parse(event.newValue, framework);
        if (!newer) {
          deletedElsewhere();
          return;
        }
        if (overwritten(newer)) {
          rebase();
          flush();
          return;
        }
        if (newer.revision > state.record.revision && !state.pending.length) {
          toolkit.views.keepFocus(function () {
            state.record = newer;
            state.base = event.newValue;
            controls.fill(newer);
            refresh();
          });
          say("Changes saved in another tab or window are shown here.");
          return;
        }
      }
      showStorageUse();
      showStatus();
      if (name.indexOf("assessment:") === 0 && views.current().view === "assessments") {
        toolkit.views.keepFocus(function () { onShow(views.current()); });
      }
    });

    /* ---- after a crash: put back from the durable copy what localStorage lost, then allow saving */

    function recover() {
      saved.recover().then(function (repairs) {
        state.ready = true;
        if (window.performance && performance.mark) { performance.mark("send-toolkit:saving"); }  // for benchmarks/run.py
        if (repairs.length) { afterRecovery(repairs); }
        flush();
      });
    }

    /* Open what was recovered when it is the open assessment, or the open one was never saved; changes
       typed meanwhile are kept. */
    function afterRecovery(repairs) {
      var current = state.record;
      var touched = repairs.some(function (repair) { return repair.name === saved.name(current.id); });
      if (touched || (!current.updated && !state.pending.length)) {
        var typed = state.pending;
        state.pending = [];
        open(touched ? saved.read(current.id) || openMostRecent() : openMostRecent());
        typed.forEach(function (edit) { edit(state.record); state.pending.push(edit); });
        if (typed.length) { controls.fill(state.record); }
      } else {
        refresh();
      }
      say("Your latest changes have been put back: the browser closed before it had written them to its quick storage, " +
        "and the page had also kept them safely on disk.");
    }

    /* ---- the views */

    function refresh() {
      showStorageUse();
      panels.showProgress(framework, state.record);
      panels.showOrphans(framework, state.record);
      byId("assessment-name").textContent = assessments.title(state.record);
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
      open(created.record);
      store.write("current", created.record.id);
      views.go("#overview");
      say("Started a new assessment: " + assessments.title(created.record) + ".", "overview");
    }

    function openAssessment(id) {
      var record = find(id);
      open(record);
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
        var wasOpen = id === state.record.id;
        if (wasOpen) {
          state.pending = [];
          open(openMostRecent());
        }
        refresh();
        say("Deleted " + title + "." + (wasOpen ? " Open now: " + assessments.title(state.record) + "." : ""), "assessments", true);
      });
    }

    function editDetails(event) {
      var field = event.target.id.replace("assessment-", "");
      var value = event.target.value.trim();
      change(function (record) { record[field] = value; }, true);
      byId("assessment-name").textContent = assessments.title(state.record);
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
      if (!count || state.readOnly) {
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
          if (record.id === state.record.id) {
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
          if (saved.text(saved.name(record.id)) !== null || record.id === state.record.id ||
              records.some(function (other) { return other.id === record.id; })) { record.id = assessments.newId("a", now); }
          words.push("“" + assessments.title(record) + "” added as a new assessment");
        } else {
          var here = saved.read(step.into) || state.record;
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
      open(first);
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
      var point = assessments.reviewPoint(state.record.answers, input.value, new Date());
      change(function (record) { record.reviewPoints.push(JSON.parse(JSON.stringify(point))); }, false);
      input.value = assessments.termName(new Date());
      onShow(views.current());
      say(notSaved() ? "The review point " + point.name + " is made but not saved. " + notSaved()
                     : "Review point saved: " + point.name + ".", "review-points", true);
    }

    function renameReviewPoint(id) {
      var point = assessments.findReviewPoint(state.record, id);
      panels.askName("Rename the review point " + point.name, point.name).then(function (name) {
        if (!name) { return; }
        change(function (record) { assessments.renameReviewPoint(record, id, name); }, false);
        onShow(views.current());
        say("Review point renamed: " + name + "." + (notSaved() ? " The new name is not saved. " + notSaved() : ""),
          "review-points", true);
      });
    }

    function deleteReviewPoint(id) {
      var point = assessments.findReviewPoint(state.record, id);
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

    /* ---- printing: the full report (the default, and what Ctrl+P prints), the action plan alone,
       or a blank copy of the framework. A blank copy shows empty controls while printing, and
       the answers again afterwards: nothing saved changes. */

    function preparePrint(kind) {
      flush();
      document.documentElement.dataset.print = kind;
      toolkit.results.fillCover(framework, state.record, kind);
      if (kind === "blank") {
        controls.fill(assessments.create(framework, {}, new Date()));
      } else {
        toolkit.results.showSummary(framework, state.record);
        toolkit.results.showPriorities(framework, state.record, true);
        planView.show(state.record);
      }
      toolkit.printing.textToPrint();
    }

    /* After printing, a blank copy shows the answers again. Where the browser sends no "afterprint" (WebKit
       under automation, and so perhaps Safari), the first key press or click on the page after printing does it. */
    function afterPrint() {
      if (document.documentElement.dataset.print === "blank") { controls.fill(state.record); }
      delete document.documentElement.dataset.print;
    }

    function printDocument(kind) {
      preparePrint(kind);
      window.print();
      ["keydown", "pointerdown"].forEach(function (type) {
        document.addEventListener(type, function () {
          if (document.documentElement.dataset.print) { afterPrint(); }
        }, { capture: true, once: true });
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
      var id = planView.addAction([statement], { target: toolkit.results.suggestedTarget(framework, state.record, statement) });
      views.go("#action-" + id);
      say("Added to the action plan as action " + state.record.actions.length + ": say what you will do, who will do it, and when to review it.", "plan");
    });
    document.addEventListener("click", function (event) {
      var button = event.target.closest("[data-print-document]");
      if (button) { printDocument(button.dataset.printDocument); }
    });
    window.addEventListener("beforeprint", function () {
      if (!document.documentElement.dataset.print) { preparePrint("report"); }  // Ctrl+P; a button has prepared its own
    });
    window.addEventListener("afterprint", afterPrint);
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
      if (state.pending.length || (!store.persistent && state.record.updated)) {
        event.preventDefault();   // the browser asks whether to leave; what is not saved would be lost
        event.returnValue = "";
      }
    });

    byId("review-point-name").value = assessments.termName(new Date());
    state.record = openMostRecent();
    state.base = JSON.stringify(state.record);
    controls.fill(state.record);
    lock(state.record);
    askForDownload();
    refresh();
    views.start();
    recover();
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
