// Needs: assessments, dates, durable
/* Records: the assessments of one framework saved in this browser, each under "assessment:<id>" in localStorage
   (storage.js) with its durable copy in IndexedDB (durable.js), and when each was last downloaded
   ("downloaded:<id>"). The one place that reads and writes them; what is open and waiting to be saved is app.js's. */
(function (toolkit) {
  "use strict";

  /* store: storage.open(…); durable: durable.open(…); onDurable(): called when a durable copy is written, or fails. */
  function open(store, durable, framework, onDurable) {
    var held = Object.create(null);     // name: text recovered from the durable copy that localStorage refused (full)
    var unsafe = Object.create(null);   // id: the revision written that is not yet in the durable copy (false: cannot be)
    /* The last record written, { id, revision, text, before, edits }: while storage still holds that text, no other
       tab has saved since, and saving again needs no reading and parsing of the stored record. */
    var last = null;

    function name(id) {
      return "assessment:" + id;
    }

    function text(name) {
      return Object.prototype.hasOwnProperty.call(held, name) ? held[name] : store.read(name);
    }

    /* The record saved under name, or null: a record must be stored under its own id (a copy under
       another key would come back after the assessment is deleted). */
    function readNamed(saved) {
      var record = toolkit.assessments.parse(text(saved), framework);
      return record && name(record.id) === saved ? record : null;
    }

    function read(id) {
      return readNamed(name(id));
    }

    function names() {
      var found = store.names().filter(function (each) { return each.indexOf("assessment:") === 0; });
      return found.concat(Object.keys(held).filter(function (each) { return found.indexOf(each) < 0; }));
    }

    function all() {
      return names().map(readNamed).filter(Boolean);
    }

    /* Saved assessments that cannot be read (damaged by hand, by a full disk, or by another program):
       [{ id, text }]. They are listed to download or remove; nothing else uses them. */
    function damaged() {
      return names().filter(function (each) { return !readNamed(each); })
        .map(function (each) { return { id: each.slice("assessment:".length), text: text(each) }; });
    }

    /* When an assessment was last downloaded, and at which revision: { at, revision }, or null. */
    function downloaded(id) {
      try {
        var marker = JSON.parse(store.read("downloaded:" + id));
        return marker && toolkit.dates.isDate(marker.at) && Number.isSafeInteger(marker.revision) ? marker : null;
      } catch (error) {
        return null;
      }
    }

    function markDownloaded(records, when) {
      records.forEach(function (record) {
        store.write("downloaded:" + record.id, JSON.stringify({ at: when.toISOString(), revision: record.revision }));
      });
    }

    /* Write a record as its next revision into localStorage; returns { error } or { record, text }. */
    function writeStored(record) {
      var next = Object.assign({}, record, { revision: record.revision + 1, updated: new Date().toISOString() });
      var written = JSON.stringify(next);
      var error = store.write(name(record.id), written);
      if (error) { return { error: error }; }
      last = { id: next.id, revision: next.revision, text: written };
      delete held[name(record.id)];
      return { record: next, text: written };
    }

    /* Then its durable copy: until that is on disk, the status does not say "Saved". */
    function writeDurable(record, written) {
      unsafe[record.id] = record.revision;
      durable.save(name(record.id), written, record.revision, function (done) {
        if (unsafe[record.id] !== record.revision) { return; }   // a later write is waiting
        if (done) { delete unsafe[record.id]; } else { unsafe[record.id] = false; }
        onDurable();
      });
    }

    /* Write a record as its next revision, in both stores; returns { error } or { record, text }. */
    function write(record) {
      var result = writeStored(record);
      if (result.record) { writeDurable(result.record, result.text); }
      return result;
    }

    /* Write several records, all or none: if one cannot be written, those written are put back as they were.
       Returns { error } or { records }. */
    function writeAll(records) {
      var undo = [];
      var written = [];
      for (var i = 0; i < records.length; i += 1) {
        undo.push([name(records[i].id), store.read(name(records[i].id))]);
        var result = writeStored(records[i]);
        if (result.error) {
          undo.reverse().forEach(function (entry) {
            if (entry[1] === null) { store.remove(entry[0]); } else { store.write(entry[0], entry[1]); }
          });
          return { error: result.error };
        }
        written.push(result);
      }
      written.forEach(function (each) { writeDurable(each.record, each.text); });   // all of it, now that all is written
      return { records: written.map(function (each) { return each.record; }) };
    }

    /* Whether storage holds exactly what was last written of this record, at its revision. */
    function asWritten(record) {
      return Boolean(last) && last.id === record.id && last.revision === record.revision && store.read(name(record.id)) === last.text;
    }

    /* Whether a record's latest revision is on disk: "safe", "saving" (its durable copy is being written) or
       "unsafe" (the durable copy could not be written). */
    function safety(id) {
      if (!(id in unsafe)) { return "safe"; }
      return unsafe[id] === false ? "unsafe" : "saving";
    }

    /* Remove an assessment from both stores; the durable copy keeps a marker that it was deleted at this
       revision, so that a deletion localStorage lost in a crash is made again on opening. */
    function forget(id, revision) {
      store.remove(name(id));
      store.remove("downloaded:" + id);
      delete held[name(id)];
      delete unsafe[id];
      durable.remove(name(id), revision);
    }

    /* After a crash: put back from the durable copy what localStorage lost. Resolves with the repairs made. */
    function recover() {
      return durable.entries().then(function (entries) {
        var repairs = toolkit.durable.repairs(entries.filter(function (entry) {
          return entry.name.indexOf("assessment:") === 0;
        }), function (stored) {
          var record = toolkit.assessments.parse(store.read(stored), framework);
          return record ? record.revision : null;
        });
        repairs.forEach(function (repair) {
          if (repair.text === null) {
            store.remove(repair.name);
          } else if (store.write(repair.name, repair.text) !== null) {
            held[repair.name] = repair.text;   // localStorage is full: read from here until it takes it
          }
        });
        return repairs;
      });
    }

    return {
      name: name,
      text: text,
      read: read,
      names: names,
      all: all,
      damaged: damaged,
      downloaded: downloaded,
      markDownloaded: markDownloaded,
      write: write,
      writeAll: writeAll,
      asWritten: asWritten,
      /* The last record written (see last, above), or null; forget() it when it is made again. */
      last: function () { return last; },
      forgetLast: function () { last = null; },
      safety: safety,
      forget: forget,
      recover: recover
    };
  }

  toolkit.records = { open: open };
}(window.SendToolkit = window.SendToolkit || {}));
