// Needs: nothing
/* Durable: a second copy of every saved assessment, in IndexedDB, written with durability "strict".
   localStorage (storage.js) stays the fast store the page reads from, but Chromium and Firefox write it
   to disk lazily: a crash, a forced shutdown or a PC switched off up to a minute after a change loses it.
   A "strict" IndexedDB transaction completes only once the browser has flushed it to disk, so the page
   says "Saved" only after the copy here has completed. On opening, a copy here that is newer than
   localStorage's (by revision) is put back; a deletion is kept as a marker, so that a record that
   localStorage lost the deletion of is removed again.
   Each record name holds { text, revision } or { deleted: true, revision }. Writes for one name are
   queued: only the newest waiting text is written, and a write never replaces a higher revision (but a
   record always replaces a deletion). */
(function (toolkit) {
  "use strict";

  var STORE = "records";

  var OPEN_LIMIT = 5000;   // ms: a database that has not opened by then is treated as missing

  /* The database, or null where IndexedDB is missing, refused (cookies blocked, some private modes) or
     does not answer. */
  function openDatabase(name) {
    return new Promise(function (resolve) {
      window.setTimeout(function () { resolve(null); }, OPEN_LIMIT);
      var request;
      try {
        request = window.indexedDB.open(name, 1);
      } catch (error) {
        resolve(null);
        return;
      }
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function (event) { event.preventDefault(); resolve(null); };
      request.onblocked = function () { resolve(null); };
    });
  }

  /* The entry waiting to be written replaces an older one, and a record replaces a deletion (an assessment
     deleted, then loaded again from a file); a higher revision already written stays. */
  function newer(entry, stored) {
    return !stored || typeof stored.revision !== "number" || entry.revision >= stored.revision ||
      (Boolean(stored.deleted) && !entry.deleted);
  }

  /* Write entry under name in one strict transaction; resolves true once it is on disk, false if not. */
  function put(database, name, entry) {
    return new Promise(function (resolve) {
      var transaction;
      try {
        transaction = database.transaction(STORE, "readwrite", { durability: "strict" });
      } catch (error) {
        resolve(false);
        return;
      }
      var records = transaction.objectStore(STORE);
      var reading = records.get(name);
      reading.onsuccess = function () {
        if (newer(entry, reading.result)) { records.put(entry, name); }
      };
      transaction.oncomplete = function () { resolve(true); };
      transaction.onerror = function (event) { event.preventDefault(); resolve(false); };
      transaction.onabort = function () { resolve(false); };
    });
  }

  /* Every entry: [{ name, text, revision, deleted }]. */
  function readAll(database) {
    return new Promise(function (resolve) {
      var entries = [];
      var transaction = database.transaction(STORE, "readonly");
      var cursor = transaction.objectStore(STORE).openCursor();
      cursor.onsuccess = function () {
        var at = cursor.result;
        if (!at) { return; }
        entries.push(Object.assign({ name: String(at.key) }, at.value));
        at.continue();
      };
      transaction.oncomplete = function () { resolve(entries); };
      transaction.onerror = function (event) { event.preventDefault(); resolve([]); };
    });
  }

  function open(databaseName) {
    var ready = window.indexedDB ? openDatabase(databaseName) : Promise.resolve(null);
    var queues = {};   // name: { writing, waiting: [entry, [callbacks]] }

    function drain(database, name) {
      var queue = queues[name];
      var next = queue.waiting;
      queue.waiting = null;
      if (!next) {
        delete queues[name];
        return;
      }
      put(database, name, next.entry).then(function (done) {
        next.callbacks.forEach(function (callback) { callback(done); });
        drain(database, name);
      });
    }

    /* Queue entry under name; callback(true) once it (or a newer entry) is on disk, callback(false) if not. */
    function write(name, entry, callback) {
      ready.then(function (database) {
        if (!database) {
          callback(false);
          return;
        }
        var queue = queues[name];
        var callbacks = queue && queue.waiting ? queue.waiting.callbacks.concat([callback]) : [callback];
        if (!queue) {
          queue = queues[name] = { waiting: null };
          queue.waiting = { entry: entry, callbacks: callbacks };
          drain(database, name);
        } else {
          queue.waiting = { entry: entry, callbacks: callbacks };
        }
      });
    }

    return {
      /* Resolves true when copies can be kept here, false when not. */
      available: ready.then(function (database) { return database !== null; }),
      save: function (name, text, revision, callback) { write(name, { text: text, revision: revision }, callback || function () {}); },
      remove: function (name, revision, callback) { write(name, { deleted: true, revision: revision }, callback || function () {}); },
      /* Resolves every entry kept here, or [] where there is no store. */
      entries: function () { return ready.then(function (database) { return database ? readAll(database) : []; }); }
    };
  }

  /* What to do with localStorage after a crash, from the entries kept here and what storage holds:
     [{ name, text }] to write back (text null: remove). storedRevision(name) is the revision in
     localStorage, or null when it holds nothing readable under that name. */
  function repairs(entries, storedRevision) {
    return entries.map(function (entry) {
      var stored = storedRevision(entry.name);
      if (entry.deleted) { return stored !== null && stored <= entry.revision ? { name: entry.name, text: null } : null; }
      return typeof entry.text === "string" && (stored === null || stored < entry.revision) ? { name: entry.name, text: entry.text } : null;
    }).filter(Boolean);
  }

  toolkit.durable = { open: open, repairs: repairs };
}(window.SendToolkit = window.SendToolkit || {}));
