// Needs: answers
/* Response types: what the page does with each kind of item. Each type is one module,
   theme/js/types/<type>.js, which registers itself here; what a type leaves out, the defaults below do.
   Python's twin is RESPONSE_TYPES in build.py; the macros are in theme/templates/items.html.

   A type's answer is { <part>: value } (see answers.js); its controls are named "<item id>--<part>".
   The pure parts are tested in Node (tests/js/logic.test.js); the parts given `ui` run in the page only:
   ui = { controlsOf(item), group(name), flag(control, on, message, isError), say(text), edit(change, typed) }. */
(function (toolkit) {
  "use strict";

  var registered = Object.create(null);

  var DEFAULTS = {
    /* Whether the item takes an answer at all (guidance does not). */
    answered: true,
    /* Whether a part holds a person's own words, which two copies' changes can both keep (changes.js). */
    isText: function () { return false; },
    /* The parts of a saved answer that must be text, for the shape check (assessments.js). */
    textParts: function () { return []; },
    /* Why a saved part no longer fits the item, in words, or null when it fits (assessments.misfits). */
    misfit: function (framework, item, part) {
      return this.parts(item).indexOf(part) >= 0 ? null : "this item no longer asks for it";
    },
    /* The parts the item asks for. */
    parts: function () { return ["answer"]; },
    /* Every part of an answer, as { "<part>": value }: the names of its controls after "<item id>--". */
    flatten: function (item, answer) { return Object.assign({}, answer); },
    /* The parts of an answer that change, are stamped and are merged one by one (stamps.js): { "<part>": value }. */
    changeParts: function (item, answer) { return flatten(item, answer); },
    /* The change part that a part (of flatten) belongs to. */
    changePartOf: function (item, part) { return part; },
    /* Whether the person has given any answer. */
    isStarted: function (item, answer) { return Boolean(answer) && Object.keys(answer).length > 0; },
    /* A part's value as people read it, in the comparison, plan and spreadsheets. */
    valueText: function (framework, item, part, value) { return value === undefined ? "No answer" : String(value); },
    /* The words a part is known by, from the page; null for the part's own label. */
    partName: function () { return null; },

    /* ---- in the page */
    /* Once, at start: add what only works with script. */
    enhance: function () {},
    /* A control changed: the change to make to the record, as a function of it. */
    change: function (framework, item, part, control) {
      var value = control.value;
      return function (record) { toolkit.answers.setPart(record.answers, item.id, part, value); };
    },
    /* Show a record's answer in the item's controls. */
    fill: function (framework, item, answer, ui) { fillControls(item, answer, ui); },
    /* A button in the item was pressed: true when this type handled it. */
    click: function () { return false; },
    /* An answer written in a section for the action plan (plan: true), as the plan's notes show it: words under
       their label ({ label, text }), or a table ({ title, headings, rows }). */
    planNote: function (framework, item, answer) {
      return { label: document.querySelector("label[for='" + item.id + "--answer']").textContent.trim(), text: answer.answer };
    }
  };

  /* Every control of the item set from the answer's parts: radios and check boxes checked when their value is
     the part's, boxes given its text. */
  function fillControls(item, answer, ui) {
    var given = answer || {};
    ui.controlsOf(item).forEach(function (control) {
      var part = toolkit.answers.parseName(control.name).part;
      var value = given[part] === undefined ? "" : String(given[part]);
      if (control.type === "radio" || control.type === "checkbox") {
        control.checked = control.value === value;
      } else {
        control.value = value;
      }
    });
  }

  /* Every part of an item's answer as { "<part>": value } (its type's flatten). */
  function flatten(item, answer) {
    return registered[item.type].flatten(item, answer);
  }

  /* Whether an item has any answer that the user gave (a repeating form's preset rows do not count). */
  function isStarted(item, answer) {
    return registered[item.type].isStarted(item, answer);
  }

  function register(name, type) {
    registered[name] = Object.assign({}, DEFAULTS, type);
  }

  /* The type of an item. */
  function of(item) {
    return registered[item.type];
  }

  toolkit.types = { register: register, of: of, defaults: DEFAULTS, fillControls: fillControls, flatten: flatten, isStarted: isStarted };
}(window.SendToolkit = window.SendToolkit || {}));
