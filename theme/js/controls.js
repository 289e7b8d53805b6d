// Needs: answers, dom, results, types
/* Controls: the page's own form controls in the sections, and the answers they stand for.
   Indexes the controls by name and item, passes each change, fill and button press to the item's response
   type (types.js, types/<type>.js), which reads it into a change of the record (given to onChange), and
   offers the types what they share: flagging a control in place with an error summary, and read-only.
   User text only ever reaches the page through .value and .textContent. */
(function (toolkit) {
  "use strict";

  var answers = toolkit.answers;
  var types = toolkit.types;
  var element = toolkit.dom.element;

  function create(main, framework, onChange, say, recordOf) {
    var byName = {};          // control name -> its elements (radios share a name)
    var byItem = {};          // item id -> its controls
    var readOnly = false;
    var locked = {};          // section id -> true for a section another person writes (written_by)
    var disabled = {};        // section id -> true while its controls are disabled
    var ui = {
      controlsOf: function (item) { return byItem[item.id] || []; },
      group: function (name) { return byName[name] || []; },
      flag: flag,
      say: say,
      edit: onChange,
      reindex: indexControls,
      isReadOnly: function (item) { return readOnly || Boolean(locked[framework.sectionOf[item.id].id]); },
      readOnlyControl: function (control) { readOnlyControl(control, true); }
    };

    function indexControls() {
      byName = {};
      byItem = {};
      main.querySelectorAll(".section [name]").forEach(function (control) {
        (byName[control.name] = byName[control.name] || []).push(control);
        var item = answers.parseName(control.name).item;
        (byItem[item] = byItem[item] || []).push(control);
      });
    }

    /* ---- a change: "I have completed this section", or a control of an item */

    function handle(event) {
      var control = event.target;
      if (control.dataset.completed) {
        completing(control);
        return;
      }
      if (!control.name || !control.closest(".section")) { return; }
      var name = answers.parseName(control.name);
      var item = framework.items[name.item];
      if (!item) { return; }
      var typed = control.tagName === "TEXTAREA" || control.type === "text";
      if ((event.type === "input") !== typed) { return; }   // typing: input events; the rest: change (leaving a box saves: app.js)
      onChange(types.of(item).change(framework, item, name.part, control, ui), typed);
    }

    /* "I have completed this section" ticked or unticked. Ticked on a section with nothing answered, it asks first
       (a slip, or a section left for later?), and stays unticked unless the person says so. */
    function completing(control) {
      var section = framework.sections.find(function (one) { return one.id === control.dataset.completed; });
      var done = control.checked;
      function mark() {
        onChange(function (record) {
          if (done) { record.completed[section.id] = true; } else { delete record.completed[section.id]; }
        }, false);
      }
      var given = recordOf().answers;
      if (!done || section.items.some(function (item) { return types.isStarted(item, given[item.id]); })) {
        mark();
        return;
      }
      control.checked = false;
      toolkit.dom.confirm("Mark “" + toolkit.results.sectionTitle(section.id) + "” completed with nothing answered?",
        "Nothing in this section is answered yet. Mark it completed only if the school has decided to leave it, for " +
        "example because it does not apply.", "Mark it completed").then(function (yes) {
        if (!yes) { return; }
        control.checked = true;
        mark();
      });
    }

    /* ---- filling from a record */

    function fill(record) {
      framework.sections.forEach(function (section) {
        var completed = document.getElementById(section.id + "--completed");
        if (completed) { completed.checked = Boolean(record.completed[section.id]); }
        section.items.forEach(function (item) { types.of(item).fill(framework, item, record.answers[item.id], ui); });
      });
    }

    /* ---- flagged in place, never thrown away */

    /* Mark a control as holding something other than a number, with a message beside it; or unmark it. */
    function flag(control, on, message, isError) {
      var id = control.id + "--flag";
      var note = document.getElementById(id);
      if (on && note && note.lastChild.textContent !== message) { note.lastChild.textContent = message; }
      if (on && !note) {
        note = document.createElement("span");
        note.id = id;
        note.className = isError ? "field__error" : "data-grid__flag";
        if (isError) { note.appendChild(element("span", "Error: ", "visually-hidden")); }
        note.appendChild(document.createTextNode(message));
        control.parentNode.insertBefore(note, isError ? control : control.nextSibling);
        control.setAttribute("aria-describedby", ((control.getAttribute("aria-describedby") || "") + " " + id).trim());
      }
      if (!on && note) {
        note.remove();
        var rest = (control.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== id; });
        if (rest.length) { control.setAttribute("aria-describedby", rest.join(" ")); } else { control.removeAttribute("aria-describedby"); }
      }
      control.classList.toggle(isError ? "field__input--error" : "data-grid__cell--flagged", on);
      if (isError && on) { control.setAttribute("aria-invalid", "true"); }
      if (isError && !on) { control.removeAttribute("aria-invalid"); }
      if (isError) { showErrorSummary(control.closest(".section")); }
    }

    /* The GOV.UK error summary under a section's heading: "There is a problem", then a link to each field
       in error with its message. A link moves focus to its field (the fragment would change the view). */
    function showErrorSummary(section) {
      var notes = section.querySelectorAll(".field__error");
      var summary = section.querySelector(".error-summary");
      if (!notes.length) {
        if (summary) { summary.remove(); }
        return;
      }
      if (!summary) {
        summary = element("div", undefined, "error-summary");
        summary.setAttribute("aria-labelledby", section.id + "--errors-title");
        summary.appendChild(element("h3", "There is a problem", "error-summary__title")).id = section.id + "--errors-title";
        summary.appendChild(element("ul", undefined, "error-summary__list"));
        var heading = section.querySelector(".section__title");
        heading.parentNode.insertBefore(summary, heading.nextSibling);
      }
      var list = summary.querySelector("ul");
      list.textContent = "";
      notes.forEach(function (note) {
        var control = document.getElementById(note.id.slice(0, -"--flag".length));
        var link = list.appendChild(element("li")).appendChild(element("a", nameOf(control) + ": " + note.lastChild.textContent));
        link.href = "#" + control.id;
        link.addEventListener("click", function (event) {
          event.preventDefault();
          control.focus();
        });
      });
    }

    /* A control's visible name: its label, or the headings that label it. */
    function nameOf(control) {
      var label = control.labels && control.labels[0];
      if (label) { return label.firstChild.textContent.trim(); }
      return (control.getAttribute("aria-labelledby") || "").split(" ").map(function (id) {
        var part = document.getElementById(id);
        return part ? part.textContent.trim() : "";
      }).filter(Boolean).join(", ");
    }

    /* ---- read-only: every section while another tab edits this assessment, and the sections another person
       writes (a reviewer's in the school's copy, the school's in the reviewer's), each saying why */

    function setReadOnly(on) {
      readOnly = on;
      disable();
    }

    /* sections: the ids of those another person writes; words: the notice each of them shows. */
    function setLocked(sections, words) {
      locked = {};
      sections.forEach(function (id) { locked[id] = true; });
      framework.sections.forEach(function (section) {
        var notice = document.getElementById(section.id + "--locked");
        if (!notice) { return; }
        notice.hidden = !locked[section.id];
        notice.textContent = locked[section.id] ? words : "";
      });
      disable();
    }

    function disable() {
      framework.sections.forEach(function (section) {
        var off = readOnly || Boolean(locked[section.id]);
        if (off === Boolean(disabled[section.id])) { return; }
        disabled[section.id] = off;
        document.getElementById(section.id).querySelectorAll("input, textarea, select, button").forEach(function (control) {
          readOnlyControl(control, off);
        });
      });
    }

    /* A box of words, numbers or a date is made read-only, so that its words can still be reached and scrolled by
       keyboard; any other control is disabled. */
    function readOnlyControl(control, off) {
      if (control.tagName === "TEXTAREA" || (control.tagName === "INPUT" && /^(text|number|date)$/.test(control.type))) {
        control.readOnly = off;
      } else {
        control.disabled = off;
      }
    }

    /* ---- start */

    framework.sections.forEach(function (section) {
      section.items.forEach(function (item) { types.of(item).enhance(framework, item, ui); });
    });
    indexControls();
    main.addEventListener("change", handle);
    main.addEventListener("input", handle);
    main.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      var holder = button && button.closest(".section [id]");   // the item, or a part of it: "<item id>--<part>"
      var item = holder && framework.items[answers.parseName(holder.id).item];
      if (item) { types.of(item).click(framework, button, ui); }
    });
    /* The sections' form exists only to switch off autocomplete; answers are saved as they change, never sent. */
    main.addEventListener("submit", function (event) { event.preventDefault(); });

    return { fill: fill, setReadOnly: setReadOnly, setLocked: setLocked };
  }

  toolkit.controls = { create: create };
}(window.SendToolkit = window.SendToolkit || {}));
