// Needs: dates, dom
/* Status: what the page says about saving, always in view: the status line under the tool bar (saved, when, and
   whether downloaded since), the error when a change could not be saved, how much of the browser's storage is
   used (on Your assessments, and a warning under the tool bar before it is full), and in Safari the notice to
   download first. */
(function (toolkit) {
  "use strict";

  var byId = toolkit.dom.byId;
  var formatWhen = toolkit.dates.formatWhen;
  var STORE_ROOM = 5 * 1024 * 1024;   // characters of localStorage a site (or, in Chromium, every file:// page) gets
  var NEARLY_FULL = 0.8;

  /* Under the tool bar when a change could not be saved: why, what is still safe, and what to do. */
  var SAVE_ERRORS = {
    full: "Your last change was not saved, because this browser's storage is full. Everything saved before it is " +
      "still here. Pages opened from files share storage with other pages on this computer; deleting assessments " +
      "you no longer need (in Your assessments) makes room. The page tries again with your next change.",
    failed: "Your last change was not saved: this browser would not save it. Everything saved before it is still " +
      "here. The page tries again with your next change.",
    overfull: "Your last change was not saved: this assessment was also changed in another tab or window, and with both " +
      "tabs' changes it would hold more actions or review points than one assessment can. Everything saved before it " +
      "is still here. Delete some actions or review points here, and the page tries again with your next change."
  };

  /* The status line while a change is not saved. */
  var STATUS_ERRORS = {
    full: "Not saved: this browser's storage is full",
    failed: "Not saved: this browser would not save it",
    overfull: "Not saved: with another tab's changes, this assessment would hold too much"
  };

  /* Said after a change that could not be saved, after what it was. */
  var NOT_SAVED = {
    full: "This browser's storage is full: the change stays on this page until you close it. Download your answers " +
      "(Download or load) to keep it, and make room in Your assessments.",
    failed: "This browser would not save it: the change stays on this page until you close it. Download your answers " +
      "(Download or load) to keep it.",
    overfull: "With another tab's changes this assessment would hold too many actions or review points: the change stays " +
      "on this page until you close it. Delete some actions or review points to save it.",
    memory: "This browser is not letting the page keep anything: download your answers (Download or load) before you " +
      "close this page."
  };

  /* The status of the assessment that session() has open, kept by saved (records.js) in store (storage.js).
     safari: whether this browser deletes what a page keeps after 7 days of use without opening it. */
  function create(store, saved, session, safari) {
    var lastError = null;   // the last save's error: "full", "failed" or null

    function showError(error) {
      if (error === "full" && lastError !== "full") { showStorageUse(); }
      lastError = error;
      byId("save-error").textContent = error ? SAVE_ERRORS[error] : "";
    }

    /* Why the last change is not saved, in words for a message, or "" when it is. */
    function notSaved() {
      return lastError ? NOT_SAVED[lastError] : (store.persistent ? "" : NOT_SAVED.memory);
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
      var record = session().record();
      var text;
      if (session().readOnly()) {
        text = "Read only here: this assessment is open in another tab or window";
      } else if (!store.persistent) {
        text = "Not saved: this browser is not letting the page keep your work";
      } else if (lastError) {
        text = STATUS_ERRORS[lastError];
      } else if (record.updated && saved.safety(record.id) === "unsafe") {
        text = "Kept in this browser " + formatWhen(record.updated, new Date()) +
          ", but not yet safe from a crash: the browser writes it to disk within a minute. Download your answers to be safe";
      } else if (record.updated && saved.safety(record.id) === "saving") {
        text = "Saving…";
      } else if (record.updated) {
        var marker = saved.downloaded(record.id);
        text = "Saved in this browser " + formatWhen(record.updated, new Date()) +
          (isDownloaded(record) ? "; downloaded " + formatWhen(marker.at, new Date())
                                : (marker ? "; changed since you last downloaded it" : "; not downloaded to a file yet"));
      } else {
        text = "Nothing entered yet: your answers are saved in this browser as you go";
      }
      var downloadedAll = Boolean(record.updated) && isDownloaded(record);
      if (safari && /^(Saved in this browser|Nothing entered yet)/.test(text)) {
        text += ". Safari may delete answers kept here after 7 days of use without opening this page: a downloaded file is the safe copy";
      }
      var status = byId("save-status");
      if (status.textContent !== text) { status.textContent = text; }
      byId("download-nudge").hidden = !record.updated || downloadedAll;
      if (downloadedAll) { byId("safari-notice").hidden = true; }
      byId("start-notice").hidden = !store.persistent || Boolean(record.updated) || saved.names().length > 0;
    }

    /* Whether the last download of a record holds its revision now. */
    function isDownloaded(record) {
      var marked = saved.downloaded(record.id);
      return Boolean(marked && marked.revision >= record.revision);
    }

    function markDownloaded(records, when) {
      saved.markDownloaded(records, when);
      showStatus();
    }

    /* In Safari, on opening an assessment changed since it was last downloaded, the download comes first: a
       notice at the top says when it was last downloaded. It stays until the download, and is not shown again
       for changes made after it (it would move the page under the person's hands). */
    function askForDownload() {
      var record = session().record();
      var marked = saved.downloaded(record.id);
      var behind = safari && store.persistent && Boolean(record.updated) && !isDownloaded(record);
      byId("safari-notice").hidden = !behind;
      byId("safari-downloaded").textContent = !behind ? "" : marked
        ? "Your answers have changed since you last downloaded them, " + formatWhen(marked.at, new Date()) + "."
        : "You have not downloaded these answers to a file yet.";
    }

    return {
      showError: showError,
      error: function () { return lastError; },
      notSaved: notSaved,
      showStorageUse: showStorageUse,
      showStatus: showStatus,
      markDownloaded: markDownloaded,
      askForDownload: askForDownload
    };
  }

  toolkit.status = { create: create, STORE_ROOM: STORE_ROOM };
}(window.SendToolkit = window.SendToolkit || {}));
