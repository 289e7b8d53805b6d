// Needs: assessments, changes, dom, plan, stamps, transfer, types, views
/* Session: the assessment open in this tab, and saving it.
   Every change is a function that edits a record. It is applied to the open record at once and saved once the
   page has drawn it (typing: after 300 ms, or when the box is left or the page hidden). If another tab saved
   since, the changes not yet saved are applied again to what it saved, so neither is lost. Where the browser has
   Web Locks, only one tab edits an assessment; the others follow it read-only. Records are read and written
   through records.js; what the page shows of all this is app.js's (ui). */
(function (toolkit) {
  "use strict";

  var assessments = toolkit.assessments;
  var TYPING_DELAY = 300;
  var DRAWN_WITHIN = 100;   // ms: a page that draws no frames (hidden) saves a click by then
  var STAMPS = ["copy", "seen", "changed", "raters"];   // a record's keeping of when and by whom each part changed (stamps.js)

  /* saved: records.open(…). ui, from app.js: fill(record) the sections' controls, changed(record) after an edit,
     showError(error or null), showStatus(), showStorageUse(), askForDownload(), refresh() the view, say(text),
     readOnly(on) while another tab edits this assessment, otherSaved(name) when another tab saved something else. */
  function open(framework, store, saved, ui) {
    var state = { record: null, pending: [], timer: null, readOnly: false, lock: null, ready: false, base: null };

    function change(unstamped, typing) {
      if (state.readOnly) { return; }
      var edit = toolkit.stamps.stamping(framework, unstamped, new Date());
      edit(state.record);
      state.pending.push(edit);
      ui.changed(state.record);
      window.clearTimeout(state.timer);
      state.timer = typing ? window.setTimeout(flush, TYPING_DELAY) : afterDrawn(flush);
    }

    /* Run callback once the next frame is drawn, so that a click is answered on screen before its save (at
       1,000 statements, writing the record takes about 10 ms), or within DRAWN_WITHIN ms if no frame comes.
       Returns the timer, as setTimeout does; callback may run twice (flush then finds nothing waiting). */
    function afterDrawn(callback) {
      window.requestAnimationFrame(function () { window.setTimeout(callback, 0); });
      return window.setTimeout(callback, DRAWN_WITHIN);
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
      if (merged && assessments.overfull(merged.record)) {   // two tabs without Web Locks, each adding actions
        ui.showError("overfull");   // nothing is written; the changes wait here, tried again with the next
        ui.showStatus();
        return;
      }
      var before = merged ? saved.text(saved.name(record.id)) : state.base;
      var edits = state.pending;
      record = merged ? merged.record : state.record;
      var result = saved.write(record);
      if (result.error) {
        state.record = record;
        ui.showError(result.error);
      } else {
        saved.last().before = before;   // what it was made from, and the changes made, to make again if overwritten
        saved.last().edits = edits;
        state.record = result.record;
        state.base = result.text;
        state.pending = [];
        ui.showError(null);
        if (store.read("current") !== record.id) { store.write("current", record.id); }
      }
      if (merged) {
        ui.fill(state.record);
        ui.say(merged.words);
      }
      ui.showStatus();
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
      both.others = both.others.filter(function (path) { return STAMPS.indexOf(path[0]) < 0; });   // the edits made again stamp anew
      var theirs = both.texts.map(function (path) { return toolkit.changes.at(stored, path); });
      state.pending.forEach(function (edit) { edit(stored); });
      both.texts.forEach(function (path, index) {
        toolkit.changes.setAt(stored, path, toolkit.changes.bothTexts(theirs[index], toolkit.changes.at(stored, path)));
      });
      var words = "This assessment was also changed in another tab or window: those changes and yours are both kept.";
      if (both.texts.length) {
        words += " " + toolkit.dom.plural(both.texts.length, "box was", "boxes were") + " changed in both: each now holds " +
          "both texts, the other tab's first, then yours. Please read " + (both.texts.length === 1 ? "it" : "them") + " and tidy up.";
      }
      if (both.others.length) {
        words += " " + toolkit.dom.plural(both.others.length, "rating or date was", "ratings or dates were") + " changed in both: yours " +
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
      return ["setting", "period", "participants", "rater"].indexOf(path[0]) >= 0 && path.length === 1;
    }

    function deletedElsewhere() {
      var lost = state.pending.length > 0;
      state.pending = [];
      window.clearTimeout(state.timer);
      openRecord(openMostRecent());
      ui.say("The assessment that was open here was deleted in another tab or window" +
        (lost ? ", so your last changes to it were not kept." : "."));
    }

    /* ---- opening an assessment, and one editing tab per assessment */

    function openRecord(record) {
      flush();
      var reopening = state.lock && state.record && state.record.id === record.id;
      state.record = record;
      state.base = JSON.stringify(record);
      state.pending = [];
      ui.showError(null);
      ui.fill(record);
      if (!reopening) { lock(record); }  // this tab holds the lock already
      ui.askForDownload();
      ui.refresh();
    }

    function openMostRecent() {
      var records = assessments.byRecent(saved.all());
      var current = store.read("current");
      return records.find(function (record) { return record.id === current; }) || records[0] ||
        assessments.create(framework, {}, new Date());
    }

    function setReadOnly(on) {
      state.readOnly = on;
      ui.readOnly(on);
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
          ui.fill(state.record);
          setReadOnly(false);
          ui.say("The other tab or window has closed: you can make changes here now.");
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
            ui.fill(newer);
            ui.refresh();
          });
          ui.say("Changes saved in another tab or window are shown here.");
          return;
        }
      }
      ui.otherSaved(name);
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
        openRecord(touched ? saved.read(current.id) || openMostRecent() : openMostRecent());
        typed.forEach(function (edit) { edit(state.record); state.pending.push(edit); });
        if (typed.length) { ui.fill(state.record); }
      } else {
        ui.refresh();
      }
      ui.say("Your latest changes have been put back: the browser closed before it had written them to its quick storage, " +
        "and the page had also kept them safely on disk.");
    }

    /* Open a record and remember it as the one to open next time this framework's page opens. */
    function choose(record) {
      openRecord(record);
      store.write("current", record.id);
    }

    /* Every assessment to list: those saved, and the open one even before its first save. */
    function listed() {
      var others = saved.all().filter(function (record) { return record.id !== state.record.id; });
      return others.concat([state.record]);
    }

    /* The assessments as they are on screen: those saved, with the open one as it is here (with any change
       the browser would not save); the open one only once it holds something. */
    function onScreen() {
      var records = saved.all().map(function (record) { return record.id === state.record.id ? state.record : record; });
      var isListed = records.indexOf(state.record) >= 0;
      return isListed || !state.pending.length ? records : records.concat([state.record]);
    }

    /* ---- loading a file of answers: [{ record, into: "new" or the id of an assessment here, keep: the names of
       the answers changed in both whose answer here is kept (transfer.merge) }], after a review point called
       pointName where it replaces answers. All or nothing: if any write fails, what was
       written is put back. Returns { words } saying what was done, or { error }. */
    function load(steps, pointName) {
      flush();
      var now = new Date();
      var words = [];
      var records = [];
      steps.forEach(function (step) {
        var record;
        if (step.into === "new") {
          record = JSON.parse(JSON.stringify(step.record));
          if (saved.text(saved.name(record.id)) !== null || record.id === state.record.id ||
              records.some(function (other) { return other.id === record.id; })) { record.id = assessments.newId("a", now); }
          delete record.copy;   // this browser's copy is a new one: it starts at its first change
          var rater = assessments.raterText(record);
          words.push("“" + assessments.title(record) + "” added as a new assessment" + (rater ? " (rated by " + rater +
            ": if you rate it here, put your own name under Your assessments)" : ""));
        } else {
          var here = saved.read(step.into) || state.record;
          var loading = toolkit.transfer.preview(framework, here, step.record, step.keep, step.others);
          var kept = loading.differences.filter(function (difference) {
            return difference.conflict && loading.taken.indexOf(difference) < 0 && loading.given.indexOf(difference) < 0;
          });
          record = toolkit.transfer.merge(framework, here, step.record, pointName, now, step.keep, step.others);
          words.push("loaded into “" + assessments.title(here) + "”" +
            (kept.length ? ", keeping " + toolkit.dom.plural(kept.length, "answer", "answers") + " here that " +
              (kept.length === 1 ? "was" : "were") + " also changed in the file" : "") +
            (loading.given.length ? ", with " + toolkit.dom.plural(loading.given.length, "answer", "answers") + " you gave instead" : "") +
            (loading.replaced.length ? " (a review point, “" + pointName + "”, keeps the answers it had)" : ""));
        }
        records.push(record);
      });
      var over = records.map(function (record) { return [record, assessments.overfull(record)]; }).find(function (pair) { return pair[1]; });
      if (over) {
        return { error: "Nothing was loaded: “" + assessments.title(over[0]) + "” " + over[1] + ". Delete " +
          "some it no longer needs, then load the file again. Everything saved before is still here, unchanged." };
      }
      var result = saved.writeAll(records);
      if (result.error) {
        return { error: "Nothing was loaded: " + (result.error === "full" ? "this browser's storage is full" : "this browser would not save it") +
          ". Everything saved before is still here, unchanged." };
      }
      choose(result.records[0]);
      return { words: words };
    }

    return {
      record: function () { return state.record; },
      readOnly: function () { return state.readOnly; },
      /* Whether a change is waiting to be saved. */
      unsaved: function () { return state.pending.length > 0; },
      /* Forget the changes waiting (the assessment they were for is deleted). */
      discard: function () { state.pending = []; },
      change: change,
      flush: flush,
      open: openRecord,
      choose: choose,
      mostRecent: openMostRecent,
      listed: listed,
      onScreen: onScreen,
      load: load,
      recover: recover
    };
  }

  toolkit.session = { open: open };
}(window.SendToolkit = window.SendToolkit || {}));
