// Needs: nothing
/* The page's small helpers, one copy each for every script: finding and making elements, table cells and
   buttons, offering a download, asking in a dialog, and the words "3 answers" and "A long statem…". */
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

  /* A button whose visible words are short but whose name says what it acts on. */
  function actionButton(words, about, data) {
    var button = element("button", words, "button-link");
    button.type = "button";
    button.appendChild(element("span", " " + about, "visually-hidden"));
    Object.keys(data).forEach(function (key) { button.dataset[key] = data[key]; });
    return button;
  }

  /* A new cell at the end of a table row, holding text or elements. */
  function cell(row, content) {
    var td = row.insertCell();
    if (typeof content === "string") { td.textContent = content; } else { content.forEach(function (node) { td.appendChild(node); }); }
    return td;
  }

  /* Make sure a list offers value (a role from another council's or framework's list, saved in a record) before
     it is shown as chosen. */
  function offer(select, value) {
    if (value && !Array.prototype.some.call(select.options, function (option) { return option.value === value; })) {
      select.appendChild(element("option", value));
    }
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

  /* Ask before something that cannot be undone; resolves true for yes. */
  function confirm(title, text, yes) {
    var dialog = byId("confirm-dialog");
    byId("confirm-title").textContent = title;
    byId("confirm-text").textContent = text;
    byId("confirm-yes").textContent = yes;
    return ask(dialog, byId("confirm-no"), function () { return true; });
  }

  /* Ask for a new name; resolves with it, or null when cancelled. */
  function askName(title, current) {
    var dialog = byId("rename-dialog");
    var input = byId("rename-input");
    byId("rename-title").textContent = title;
    input.value = current;
    return ask(dialog, input, function () { return input.value.trim() || null; });
  }

  function ask(dialog, first, answer) {
    var returnTo = document.activeElement;
    return new Promise(function (resolve) {
      var yes = dialog.querySelector(".button:not(.button--secondary)");
      var no = dialog.querySelector(".button--secondary");
      function finish(result) {
        yes.removeEventListener("click", onYes);
        no.removeEventListener("click", onNo);
        dialog.removeEventListener("cancel", onNo);
        dialog.removeEventListener("close", onClose);
        dialog.removeEventListener("keydown", onKey);
        if (dialog.open) { dialog.close(); }
        if (returnTo && document.contains(returnTo)) { returnTo.focus(); }
        resolve(result);
      }
      function onYes() { finish(answer()); }
      function onNo() { finish(null); }
      /* Escape: answer at once, in the key press, so focus is back before the next key. The browser's own close
         event comes later, as a task; by then this dialog may be open again for the next question, so it only
         counts while the dialog is shut. */
      function onClose() { if (!dialog.open) { onNo(); } }
      function onKey(event) { if (event.key === "Enter" && event.target.tagName === "INPUT") { onYes(); } }
      yes.addEventListener("click", onYes);
      dialog.addEventListener("keydown", onKey);
      no.addEventListener("click", onNo);
      dialog.addEventListener("cancel", onNo);
      dialog.addEventListener("close", onClose);
      dialog.showModal();
      first.focus();
    });
  }

  toolkit.dom = { byId: byId, element: element, actionButton: actionButton, cell: cell, download: download, offer: offer, confirm: confirm,
                  askName: askName, plural: plural, shorten: shorten };
}(window.SendToolkit = window.SendToolkit || {}));
