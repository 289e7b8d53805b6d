// Needs: answers, assessments, assessmentsView, controls, dom, durable, filesView, messages, moderationView, panels, planView, printing, records, results, session, status, storage, transfer, views
/* The app: starts the page's scripts and wires them together. What each does is its own script's: the open
   assessment and its saving session.js's, the saved records records.js's, what the page says about saving
   status.js's, messages messages.js's, each view its view script's. If the page cannot start, it says so here. */
(function (toolkit) {
  "use strict";

  function start() {
    var scriptsOff = document.getElementById("scripts-off");   // the scripts run: the notice that they do not goes
    if (scriptsOff) { scriptsOff.remove(); }
    // what the notices say of where answers are kept depends on it (site.css: .when-file, .when-website)
    document.documentElement.dataset.opened = window.location.protocol === "file:" ? "file" : "website";
    var dataElement = document.getElementById("framework-data");
    if (!dataElement) { return; }
    if (window.performance && performance.mark) { performance.mark("send-toolkit:start"); }  // for benchmarks/run.py
    var byId = toolkit.dom.byId;
    var framework = toolkit.answers.index(JSON.parse(dataElement.textContent));
    var store = toolkit.storage.open(document.documentElement.dataset.storagePrefix);
    var durable = toolkit.durable.open(store.prefix);
    var safari = toolkit.storage.deletesUnopened(navigator.userAgent, window.location.protocol);   // deletes after 7 days
    var saved = toolkit.records.open(store, durable, framework, function () { status.showStatus(); });
    var status = toolkit.status.create(store, saved, function () { return session; }, safari);
    var session = toolkit.session.open(framework, store, saved, {
      fill: function (record) { controls.fill(record); },
      changed: function (record) { panels.showProgress(framework, record); },
      showError: status.showError,
      showStatus: status.showStatus,
      showStorageUse: status.showStorageUse,
      askForDownload: status.askForDownload,
      refresh: refresh,
      say: say,
      readOnly: function (on) {
        controls.setReadOnly(on);
        byId("tab-notice").hidden = !on;
        refresh();
      },
      otherSaved: function (name) {
        status.showStorageUse();
        status.showStatus();
        if (name.indexOf("assessment:") === 0 && views.current().view === "assessments") {
          toolkit.views.keepFocus(function () { onShow(views.current()); });
        }
      }
    });
    var panels = toolkit.panels;

    document.querySelectorAll("[data-enhance]").forEach(function (element) { element.hidden = false; });
    byId("storage-warning").hidden = store.persistent;
    var controls = toolkit.controls.create(byId("main"), framework, session.change, say, session.record);
    var views = toolkit.views.create(framework, onShow);
    /* What a view's script may ask of the app when it shows (views.register). */
    var page = { framework: framework, record: session.record, readOnly: session.readOnly, listed: session.listed };
    var planView = toolkit.planView.create(framework, session.change, session.record, session.readOnly);
    toolkit.assessmentsView.create(framework, {
      session: session, saved: saved, store: store, status: status, refresh: refresh, damaged: saved.damaged, go: views.go
    });
    toolkit.filesView.create(framework, {
      flush: session.flush,
      current: session.record,
      saved: saved.all,
      onScreen: session.onScreen,
      unsaved: session.unsaved,
      readOnly: session.readOnly,
      downloaded: saved.downloaded,
      markDownloaded: status.markDownloaded,
      load: session.load,
      planRows: function () { return planView.rows(session.record()); }
    });
    var moderationView = toolkit.moderationView.create(framework, { session: session, saved: saved, status: status });
    toolkit.printing.wire(framework, session, controls, planView, moderationView);

    /* Say what was just done, on the view showing. */
    function say(text) {
      toolkit.messages.say(text, views.current().view);
    }

    function refresh() {
      status.showStorageUse();
      panels.showProgress(framework, session.record());
      panels.showOrphans(framework, session.record());
      var elsewhere = toolkit.assessments.writtenElsewhere(framework, session.record());
      controls.setLocked(elsewhere.sections, elsewhere.words);
      byId("assessment-name").textContent = toolkit.assessments.title(session.record());
      status.showStatus();
      onShow(views.current());
    }

    function onShow(where) {
      toolkit.messages.showing(where.view);
      toolkit.views.tell(where, page);
    }

    byId("priorities").addEventListener("click", function (event) {
      var button = event.target.closest("button[data-add-action]");
      if (!button) { return; }
      var statement = button.dataset.addAction;
      var id = planView.addAction([statement], { target: toolkit.results.suggestedTarget(framework, session.record(), statement) });
      if (!id) {
        toolkit.messages.say(toolkit.assessments.full(session.record(), "actions"), "priorities", { focus: true });
        return;
      }
      views.go("#action-" + id);
      toolkit.messages.say("Added to the action plan as action " + session.record().actions.length +
        ": say what you will do, who will do it, and when to review it.", "plan");
    });
    // leaving a box saves what was typed in it at once; a click's change is saved once it is drawn (session.js)
    document.addEventListener("focusout", function (event) { if (event.target.matches("input, textarea")) { session.flush(); } });
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") { session.flush(); } });
    window.addEventListener("pagehide", session.flush);
    window.addEventListener("beforeunload", function (event) {
      session.flush();
      if (session.unsaved() || (!store.persistent && session.record().updated)) {
        event.preventDefault();   // the browser asks whether to leave; what is not saved would be lost
        event.returnValue = "";
      }
    });

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
