// Needs: nothing
/* Storage: the one place that touches localStorage.
   Every key starts with this framework's prefix, "<site id>:<framework id>:v1:". The tool never
   clears storage and never reads or writes another key: on file:// Chrome shares one store between
   every local file, and on a council's domain every app shares it.
   Where storage throws (blocked by policy, Safari on file://), everything is kept in memory instead,
   and `persistent` says so. */
(function (toolkit) {
  "use strict";

  function isQuotaError(error) {
    return Boolean(error) && (error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
                              error.code === 22 || error.code === 1014);
  }

  /* The browser's localStorage if this page may read it, else null. Opening writes nothing, not even
     a probe: a store that refuses a write says so when write() returns "full" or "failed". */
  function usableArea(probeKey) {
    try {
      var area = window.localStorage;
      area.getItem(probeKey);
      return area;
    } catch (error) {
      return null;
    }
  }

  function open(prefix) {
    var area = usableArea(prefix + "probe");
    var memory = new Map();

    return {
      prefix: prefix,
      persistent: area !== null,

      /* The text saved under name, or null. */
      read: function (name) {
        if (!area) { return memory.has(name) ? memory.get(name) : null; }
        try {
          return area.getItem(prefix + name);
        } catch (error) {
          return null;
        }
      },

      /* Save text under name. Returns null, or "full" or "failed": then nothing saved before has changed. */
      write: function (name, text) {
        if (!area) {
          memory.set(name, text);
          return null;
        }
        try {
          area.setItem(prefix + name, text);
          return null;
        } catch (error) {
          return isQuotaError(error) ? "full" : "failed";
        }
      },

      remove: function (name) {
        if (!area) {
          memory.delete(name);
          return;
        }
        try {
          area.removeItem(prefix + name);
        } catch (error) { /* nothing to remove */ }
      },

      /* The names (without the prefix) of every key this framework owns. */
      names: function () {
        if (!area) { return Array.from(memory.keys()); }
        var names = [];
        try {
          for (var i = 0; i < area.length; i += 1) {
            var key = area.key(i);
            if (key !== null && key.indexOf(prefix) === 0) { names.push(key.slice(prefix.length)); }
          }
        } catch (error) { /* a store that cannot be listed holds nothing we can use */ }
        return names;
      },

      /* How much of the store is used, in characters (what browsers count against the quota): { ours, all }. */
      usage: function () {
        var use = { ours: 0, all: 0 };
        if (!area) { return use; }
        try {
          for (var i = 0; i < area.length; i += 1) {
            var key = area.key(i);
            var size = key.length + (area.getItem(key) || "").length;
            use.all += size;
            if (key.indexOf(prefix) === 0) { use.ours += size; }
          }
        } catch (error) { /* a store that cannot be listed is reported as empty */ }
        return use;
      },

      /* The name a storage event's key stands for, or null when the key is not ours. */
      nameOf: function (key) {
        return typeof key === "string" && key.indexOf(prefix) === 0 ? key.slice(prefix.length) : null;
      }
    };
  }

  /* Whether the browser deletes what a website keeps after 7 days of use without opening it: Safari (on a Mac,
     and an iPad, which says it is a Mac), and any browser on an iPad or iPhone, which all run Safari's engine,
     for a page from a website (from a file, Safari keeps nothing at all). Only the user agent can tell: no
     feature test shows it. Pure. */
  function deletesUnopened(userAgent, protocol) {
    if (protocol !== "http:" && protocol !== "https:") { return false; }
    if (/\b(iPhone|iPad|iPod)\b/.test(userAgent)) { return true; }
    return /\bMacintosh\b/.test(userAgent) && /\bVersion\/[\d.]+.*\bSafari\//.test(userAgent) &&
      !/\b(Chrome|Chromium|CriOS|Edg|EdgiOS|Firefox|FxiOS|OPR)\//.test(userAgent);
  }

  toolkit.storage = { open: open, deletesUnopened: deletesUnopened };
}(window.SendToolkit = window.SendToolkit || {}));
