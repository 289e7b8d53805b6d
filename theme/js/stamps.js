// Needs: assessments, types
/* Stamps: when each answer part was last changed, and in which copy; and what that says about two copies of
   one assessment. Pure functions, no DOM.

   A copy is one browser's copy of an assessment (record.copy, a short random id made the first time it changes
   there; an assessment loaded from a file as a new one starts a copy of its own). A record keeps
     changed: { <item id>: { <part>: "<time>.<copy>" } }   a stamp: the time in ms, base 36, and the copy; a part
                                                            cleared keeps its stamp, so clearing travels too
     seen:    { <copy>: time in ms }                        the latest change of each copy that the record holds
     raters:  { <copy>: "J. Smith, SENCO" }                 who rated each copy, as far as the record knows
   (Stamps are short text because a record carries one for every part answered: a completed seed 000 has
   about 400.)
   The parts are the response type's changeParts: each rating, text box, grid cell and form field, and a
   repeating form's rows as one (rows have no identity of their own). An answer for a statement no longer in
   the framework is one part, "".

   Two copies that differ in a part: the copy that has seen the other's change changed it after, so its answer
   is the newer; a part answered in one copy only, never in the other, is taken from it; otherwise both
   changed it since they last agreed, and the person chooses (a conflict). Answers saved before stamps have none,
   so they count as older than any stamped change, and their conflicts are always shown. */
(function (toolkit) {
  "use strict";

  function has(object, key) {
    return Boolean(object) && Object.prototype.hasOwnProperty.call(object, key);
  }

  /* An object's own value for key, or undefined (an id from a file may be "constructor"). */
  function own(object, key) {
    return has(object, key) ? object[key] : undefined;
  }

  /* Set a key as data, even one named "__proto__" (ids and parts come from files). */
  function put(object, key, value) {
    Object.defineProperty(object, key, { value: value, enumerable: true, writable: true, configurable: true });
  }

  function newCopy() {
    return Math.floor(Math.random() * 2821109907456).toString(36);   // up to 8 characters: 36 to the 8th
  }

  /* A stamp's time, in ms. */
  function timeOf(stamp) {
    return parseInt(stamp.slice(0, stamp.indexOf(".")), 36);
  }

  function copyOf(stamp) {
    return stamp.slice(stamp.indexOf(".") + 1);
  }

  /* An answer's parts, as { <part>: value }. */
  function partsOf(framework, id, answer) {
    var item = framework.items[id];
    if (!item) { return answer === undefined ? {} : { "": answer }; }
    return answer === undefined ? {} : toolkit.types.of(item).changeParts(item, answer);
  }

  /* The part that a part of an answer as the page names it (types.flatten) belongs to. */
  function partOf(framework, id, part) {
    var item = framework.items[id];
    return item ? toolkit.types.of(item).changePartOf(item, part) : "";
  }

  /* Set one part of an answer (undefined clears it); an item left with nothing is removed. */
  function setPart(framework, answers, id, part, value) {
    var answer = part === "" ? value : Object.assign({}, own(answers, id));
    if (part !== "") {
      if (value === undefined) { delete answer[part]; } else { put(answer, part, value); }
    }
    if (answer !== undefined && Object.keys(answer).length) {
      put(answers, id, answer);
    } else {
      delete answers[id];
    }
  }

  function stampOf(record, id, part) {
    return has(record.changed, id) && has(record.changed[id], part) ? record.changed[id][part] : undefined;
  }

  function putStamp(record, id, part, stamp) {
    if (!stamp) { return; }
    record.changed = record.changed || {};
    if (!has(record.changed, id)) { put(record.changed, id, {}); }
    put(record.changed[id], part, stamp);
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  /* Stamp the parts of record's answers that differ from before (a Map of its answers before an edit: an edit
     replaces an item's answer, never changes it in place), as changed at time (ms) in record's copy. */
  function mark(framework, record, before, time) {
    var ids = Array.from(before.keys()).concat(Object.keys(record.answers).filter(function (id) { return !before.has(id); }));
    var stamp = null;
    ids.forEach(function (id) {
      if (before.get(id) === own(record.answers, id)) { return; }
      var old = partsOf(framework, id, before.get(id));
      var now = partsOf(framework, id, own(record.answers, id));
      Object.keys(old).concat(Object.keys(now).filter(function (part) { return !has(old, part); })).forEach(function (part) {
        if (same(own(old, part), own(now, part))) { return; }
        stamp = stamp || newStamp(record, time);
        putStamp(record, id, part, stamp);
      });
    });
  }

  /* A stamp for a change in record's copy at time: one copy's stamps only go forward, whatever its clock does. */
  function newStamp(record, time) {
    record.copy = record.copy || newCopy();
    record.seen = record.seen || {};
    var at = Math.max(time, (has(record.seen, record.copy) ? record.seen[record.copy] : 0) + 1);
    put(record.seen, record.copy, at);
    return at.toString(36) + "." + record.copy;
  }

  /* An edit of a record that also stamps what it changes, as changed at time (a Date), and keeps who rates
     this copy. */
  function stamping(framework, edit, time) {
    return function (record) {
      var before = new Map();
      Object.keys(record.answers).forEach(function (id) { before.set(id, record.answers[id]); });
      edit(record);
      mark(framework, record, before, time.getTime());
      var rater = toolkit.assessments.raterText(record);
      if (record.copy && rater && (record.raters || {})[record.copy] !== rater) {
        record.raters = Object.assign({}, record.raters);
        record.raters[record.copy] = rater;
      }
    };
  }

  /* Who made the change stamped, as either record knows it; "" when neither does. */
  function whoChanged(stamp, here, incoming) {
    var copy = copyOf(stamp);
    return [here, incoming].map(function (record) { return has(record.raters, copy) ? record.raters[copy] : ""; })
      .filter(Boolean)[0] || "";
  }

  /* Who rated each copy, as both records know it: this copy's own from here, the others' latest from the file. */
  function ratersBoth(here, incoming) {
    var raters = Object.assign({}, here.raters, incoming.raters);
    if (here.copy && has(here.raters, here.copy)) { raters[here.copy] = here.raters[here.copy]; }
    return raters;
  }

  /* Whether record holds the change stamped stamp. */
  function knows(record, stamp) {
    return Boolean(stamp) && has(record.seen, copyOf(stamp)) && record.seen[copyOf(stamp)] >= timeOf(stamp);
  }

  /* Every part answered differently here and in incoming: { item, part, here, file (the values), hereStamp,
     fileStamp, newer: "here" or "file", conflict }, in the order of the items here, then the file's. newer is
     the copy whose answer is the newer; in a conflict, the later stamped (one with no stamp is older; the
     file's when neither has one). */
  function differences(framework, here, incoming) {
    var ids = Object.keys(here.answers);
    [incoming.answers, incoming.changed || {}, here.changed || {}].forEach(function (more) {
      Object.keys(more).forEach(function (id) { if (ids.indexOf(id) < 0) { ids.push(id); } });
    });
    var found = [];
    ids.forEach(function (id) {
      var mine = partsOf(framework, id, own(here.answers, id));
      var theirs = partsOf(framework, id, own(incoming.answers, id));
      var parts = Object.keys(mine).concat(Object.keys(theirs).filter(function (part) { return !has(mine, part); }));
      parts.forEach(function (part) {
        if (same(own(mine, part), own(theirs, part))) { return; }
        var hereStamp = stampOf(here, id, part);
        var fileStamp = stampOf(incoming, id, part);
        var knowsFile = knows(here, fileStamp);
        var knowsHere = knows(incoming, hereStamp);
        var newer = knowsFile && knowsHere ? null :   // each has seen the other's and they still differ: never settled
          knowsFile ? "here" : knowsHere ? "file" :
          !has(mine, part) && !hereStamp ? "file" : !has(theirs, part) && !fileStamp ? "here" : null;
        found.push({ item: id, part: part, here: own(mine, part), file: own(theirs, part), hereStamp: hereStamp, fileStamp: fileStamp,
                     conflict: !newer, newer: newer || ((hereStamp ? timeOf(hereStamp) : -1) > (fileStamp ? timeOf(fileStamp) : -1) ? "here" : "file") });
      });
    });
    return found;
  }

  /* The name of a part, as the page names its control: "<item id>--<part>". */
  function nameOf(difference) {
    return difference.item + "--" + difference.part;
  }

  /* Put a difference's answer and stamp from the given side ("here" or "file") into record. */
  function take(framework, record, difference, side) {
    setPart(framework, record.answers, difference.item, difference.part, difference[side]);
    putStamp(record, difference.item, difference.part, difference[side + "Stamp"]);
  }

  /* Settle a conflict in record with the answer chosen (one side's, or another the person gave), stamped as a new
     change in record's copy at time (ms): the choice is newer than both answers, so it travels back to the other copy. */
  function settle(framework, record, difference, value, time) {
    setPart(framework, record.answers, difference.item, difference.part, value);
    putStamp(record, difference.item, difference.part, newStamp(record, time));
  }

  /* Every copy's latest change either record holds. */
  function seenBoth(here, incoming) {
    var seen = Object.assign({}, here.seen);
    Object.keys(incoming.seen || {}).forEach(function (copy) {
      put(seen, copy, Math.max(has(seen, copy) ? seen[copy] : 0, incoming.seen[copy]));
    });
    return seen;
  }

  /* Whether incoming holds nothing that here has not seen: an older copy, or the same. */
  function isOlder(here, incoming) {
    return Object.keys(incoming.seen || {}).every(function (copy) { return has(here.seen, copy) && here.seen[copy] >= incoming.seen[copy]; });
  }

  toolkit.stamps = {
    mark: mark,
    timeOf: timeOf,
    whoChanged: whoChanged,
    ratersBoth: ratersBoth,
    stamping: stamping,
    differences: differences,
    nameOf: nameOf,
    partOf: partOf,
    take: take,
    settle: settle,
    seenBoth: seenBoth,
    isOlder: isOlder
  };
}(window.SendToolkit = window.SendToolkit || {}));
