// Needs: nothing
/* Changes: pure functions finding what two copies of one record both changed since they last agreed
   (two tabs without Web Locks, saving over each other). No DOM here.
   A path is a list of keys from the record down to one value: an object's key, or, in a list, "#<id>"
   for an entry with an id (an action, a review point) and its index for any other (a form's row). */
(function (toolkit) {
  "use strict";

  function isObject(value) {
    return value !== null && typeof value === "object";
  }

  function keysOf(value) {
    if (!Array.isArray(value)) { return Object.keys(value); }
    return value.map(function (entry, index) {
      return isObject(entry) && typeof entry.id === "string" ? "#" + entry.id : index;
    });
  }

  function child(value, key) {
    if (!isObject(value)) { return undefined; }
    if (Array.isArray(value) && typeof key === "string" && key.charAt(0) === "#") {
      return value.find(function (entry) { return isObject(entry) && entry.id === key.slice(1); });
    }
    return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
  }

  /* The value at path, or undefined. */
  function at(value, path) {
    return path.reduce(child, value);
  }

  /* Set the value at path, where its parent exists; returns whether it was set. */
  function setAt(value, path, newValue) {
    var parent = at(value, path.slice(0, -1));
    var key = path[path.length - 1];
    if (!isObject(parent)) { return false; }
    if (Array.isArray(parent) && typeof key === "string" && key.charAt(0) === "#") {
      key = parent.indexOf(child(parent, key));
      if (key < 0) { return false; }
    }
    parent[key] = newValue;
    return true;
  }

  function union(m, t) {
    var keys = keysOf(m);
    keysOf(t).forEach(function (key) { if (keys.indexOf(key) < 0) { keys.push(key); } });
    return keys;
  }

  /* Every value that mine and theirs each changed from base, to different values (a value cleared counts
     as changed): { texts, others }, each a list of paths. Texts can both be kept; ratings, choices and dates
     cannot, though they are strings too: isText(path) says which paths hold a person's own words. */
  function bothChanged(base, mine, theirs, isText) {
    var found = { texts: [], others: [] };
    (function walk(b, m, t, path) {
      if (isObject(m) && isObject(t) && Array.isArray(m) === Array.isArray(t)) {
        union(m, t).forEach(function (key) { walk(child(b, key), child(m, key), child(t, key), path.concat([key])); });
        return;
      }
      if (isObject(m) || isObject(t) || isObject(b) || m === t || m === b || t === b) { return; }
      var text = isText(path) && [b, m, t].every(function (value) { return value === undefined || typeof value === "string"; });
      (text ? found.texts : found.others).push(path);
    }(base, mine, theirs, []));
    return found;
  }

  /* One box holding both texts: the other copy's first, then this one's (either may have been cleared). */
  function bothTexts(theirs, mine) {
    return [theirs, mine].filter(function (text) { return typeof text === "string" && text !== ""; }).join("\n\n");
  }

  toolkit.changes = { at: at, setAt: setAt, bothChanged: bothChanged, bothTexts: bothTexts };
}(window.SendToolkit = window.SendToolkit || {}));
