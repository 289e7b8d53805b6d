// Needs: nothing
/* The page's small helpers, one copy each for every script: finding and making elements, offering a
   download, and the words "3 answers" and "A long statem…". */
(function (toolkit) {
  "use strict";

  function byId(id) {
    return document.getElementById(id);
  }

  /* A new element holding text, with a class. */
  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  /* Offer text as a download called name. */
  function download(text, name, type) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
  }

  /* "1 answer", "3 answers". */
  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  /* Text cut to at most length characters, ending "…" when cut. */
  function shorten(text, length) {
    return text.length > length ? text.slice(0, length - 1) + "…" : text;
  }

  toolkit.dom = { byId: byId, element: element, download: download, plural: plural, shorten: shorten };
}(window.SendToolkit = window.SendToolkit || {}));
