// Needs: dom
/* Messages: the line that says what was just done ("Review point saved: Autumn 2026."), in the message place of
   the view it was said on: #done-message under the tool bar, or a view's own (the plan's, beside its Undo; Download
   or load's). A place holds one message; a view's own message replaces one said under the tool bar (but not the
   other way round: the page saying that another tab's changes came in leaves the person's own message in place).
   A message goes when its view is left. */
(function (toolkit) {
  "use strict";

  var byId = toolkit.dom.byId;
  var GENERAL = "done-message";
  var shown = Object.create(null);   // place (an element's id) -> the view its message was said on

  /* Say text on a view: in #done-message, or in options.place (an element's id); focus it when options.focus. */
  function say(text, view, options) {
    var id = options && options.place || GENERAL;
    if (id !== GENERAL) { clear(GENERAL); }
    var place = byId(id);
    place.textContent = text;
    shown[id] = view;
    if (options && options.focus) {
      if (!place.hasAttribute("tabindex")) { place.setAttribute("tabindex", "-1"); }
      place.focus();
    }
  }

  /* Take a message away: the one in a place, or every one. */
  function clear(id) {
    Object.keys(shown).filter(function (place) { return !id || place === id; }).forEach(function (place) {
      byId(place).textContent = "";
      delete shown[place];
    });
  }

  /* A view shows: the messages said on other views go. */
  function showing(view) {
    Object.keys(shown).filter(function (place) { return shown[place] !== view; }).forEach(clear);
  }

  toolkit.messages = { say: say, clear: clear, showing: showing };
}(window.SendToolkit = window.SendToolkit || {}));
