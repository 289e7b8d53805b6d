/* Controls: the page's own form controls in the sections, and the answers they stand for.
   Reads each change into an answer part (through the onChange callback), fills the controls from
   a record's answers, and adds what only works with script: clearing a rating, the exemplars for
   the chosen band, grid totals and number checks, and adding and removing rows of a table.
   User text only ever reaches the page through .value and .textContent. */
(function (toolkit) {
  "use strict";

  var answers = toolkit.answers;
  var element = toolkit.dom.element;
  var NUMBER_MESSAGE = "Enter a number, like 12 or 12.5";
  var PERCENT_MESSAGE = "Enter a percentage from 0 to 100";
  var CELL_MESSAGE = "Not a number, so its row and column have no total";

  /* The visible words of a rating's legend, e.g. "Where you are now". */
  function ratingLabel(itemId, ratingId) {
    return document.getElementById(itemId + "--" + ratingId).querySelector("legend").firstChild.textContent.trim();
  }

  function create(main, framework, onChange, say) {
    var byName = {};          // control name -> its elements (radios share a name)
    var byItem = {};          // item id -> its controls
    var clearButtons = {};    // rating group name -> its Clear button
    var tables = {};          // repeating form id -> { body, template row, empty-table message }
    var readOnly = false;

    function indexControls() {
      byName = {};
      byItem = {};
      main.querySelectorAll(".section [name]").forEach(function (control) {
        (byName[control.name] = byName[control.name] || []).push(control);
        var item = answers.parseName(control.name).item;
        (byItem[item] = byItem[item] || []).push(control);
      });
    }

    /* ---- reading a change */

    function handle(event) {
      var control = event.target;
      if (control.dataset.completed) {
        var section = control.dataset.completed;
        var done = control.checked;
        onChange(function (record) {
          if (done) { record.completed[section] = true; } else { delete record.completed[section]; }
        }, false);
        return;
      }
      if (!control.name || !control.closest(".section")) { return; }
      var name = answers.parseName(control.name);
      var item = framework.items[name.item];
      if (!item) { return; }
      var typed = control.tagName === "TEXTAREA" || control.type === "text";
      if ((event.type === "input") !== typed) { return; }   // typing: input events; the rest: change (leaving a box saves: app.js)
      if (item.type === "form" && item.repeat) {
        var rows = readRows(item);
        nameRemoveButtons(item, rows);
        onChange(function (record) { answers.setRows(record.answers, item, rows); }, typed);
        return;
      }
      var value = control.value;
      if (item.type === "statement" && name.part !== "evidence") {
        var rating = item.ratings.find(function (r) { return r.id === name.part; });
        var point = answers.pointFor(framework.scales[rating.scale], value);
        value = point && control.checked ? point.value : undefined;   // a cleared group sends change unchecked
        showRatingExtras(item);
      }
      if (item.type === "grid") { checkGrid(item, control); }
      if (item.type === "form") { checkNumber(item, control); }
      onChange(function (record) { answers.setPart(record.answers, item.id, name.part, value); }, typed);
    }

    /* ---- filling from a record */

    function fill(record) {
      var given = record.answers;
      framework.sections.forEach(function (section) {
        var completed = document.getElementById(section.id + "--completed");
        if (completed) { completed.checked = Boolean(record.completed[section.id]); }
        section.items.forEach(function (item) {
          var answer = given[item.id] || {};
          if (item.type === "form" && item.repeat) {
            renderRows(item, answer.rows || answers.defaultRows(item));
            return;
          }
          controlsOf(item).forEach(function (control) {
            var part = answers.parseName(control.name).part;
            var value = answer[part] === undefined ? "" : String(answer[part]);
            if (control.type === "radio") {
              control.checked = control.value === value;
            } else {
              control.value = value;
            }
          });
          if (item.type === "statement") { showRatingExtras(item); }
          if (item.type === "grid") { checkGrid(item); }
          if (item.type === "form") { controlsOf(item).forEach(function (control) { checkNumber(item, control); }); }
        });
      });
    }

    function controlsOf(item) {
      return byItem[item.id] || [];
    }

    /* ---- ratings: clear buttons and the chosen band's exemplars */

    function showRatingExtras(item) {
      item.ratings.forEach(function (rating) {
        var chosen = (byName[item.id + "--" + rating.id] || []).some(function (radio) { return radio.checked; });
        var clear = clearButtons[item.id + "--" + rating.id];
        if (clear) { clear.hidden = !chosen; }
      });
      var box = document.getElementById(item.id + "--chosen-band");
      if (box) { showChosenBand(item, box); }
    }

    function showChosenBand(item, box) {
      box.textContent = "";
      var shown = {};
      item.ratings.forEach(function (rating) {
        var checked = (byName[item.id + "--" + rating.id] || []).find(function (radio) { return radio.checked; });
        if (!checked) { return; }
        var scale = framework.scales[rating.scale];
        var point = answers.pointFor(scale, checked.value);
        var label = ratingLabel(item.id, rating.id);
        if (point.not_applicable) {
          box.appendChild(element("p", label + ": not applicable, so this statement is left out of scores."));
          return;
        }
        var band = (scale.bands || []).find(function (b) { return point.value >= b.min && point.value <= b.max; });
        if (!band) { return; }
        var exemplars = bandElement(item, band);
        var sentence = label + ": " + point.value + " is in the band “" + bandLabel(exemplars, band) + "”";
        if (shown[band.id]) {
          box.appendChild(element("p", sentence + " too."));
          return;
        }
        shown[band.id] = true;
        var list = exemplars && exemplars.querySelector("ul");
        box.appendChild(element("p", sentence + (list ? ". What this can look like:" : ".")));
        if (list) { box.appendChild(list.cloneNode(true)); }
      });
    }

    function bandElement(item, band) {
      return document.getElementById(item.id).querySelector('[data-band="' + band.id + '"]');
    }

    /* A band's name from its exemplars' heading (exemplars: the band's element, or null). */
    function bandLabel(exemplars, band) {
      return exemplars ? exemplars.querySelector(".exemplars__heading").firstChild.textContent.trim() : band.id;
    }

    function clearRating(button) {
      var radios = byName[button.dataset.clear] || [];
      radios.forEach(function (radio) { radio.checked = false; });
      if (radios.length) {
        radios[0].dispatchEvent(new Event("change", { bubbles: true }));
        radios[0].focus();
      }
    }

    /* ---- grids and number fields: flagged in place, never thrown away */

    function checkGrid(item, only) {
      if (item.cells === "text") { return; }
      var cells = only ? [only] : controlsOf(item);
      cells.forEach(function (cell) { flag(cell, answers.parseNumber(cell.value).kind === "other", CELL_MESSAGE, false); });
      if (!item.totals) { return; }
      var values = {};
      controlsOf(item).forEach(function (cell) { values[answers.parseName(cell.name).part] = cell.value; });
      var totals = answers.gridTotals(item, values);
      document.getElementById(item.id).querySelectorAll("[data-total]").forEach(function (cell) {
        var total = totals[cell.dataset.total];
        cell.textContent = total === null || total === undefined ? "–" : String(total);
      });
    }

    function checkNumber(item, control) {
      var part = answers.parseName(control.name).part;                  // "<field>", or "<row>--<field>" in a table
      var fieldId = item.repeat ? answers.parseName(part).part : part;
      var field = item.fields.find(function (f) { return f.id === fieldId; });
      if (!field || field.type !== "number") { return; }
      var parsed = answers.parseNumber(control.value);
      var percent = field.unit === "%" && parsed.kind !== "empty" && parsed.kind !== "other" &&
        (parsed.value < 0 || parsed.value > 100);
      flag(control, parsed.kind === "other" || percent, percent ? PERCENT_MESSAGE : NUMBER_MESSAGE, true);
    }

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

    /* ---- tables of rows: add and remove */

    function enhanceTable(form) {
      var table = document.getElementById(form.id).querySelector(".form-table");
      var header = table.tHead.rows[0].appendChild(element("th", "Remove", "form-table__remove"));
      header.scope = "col";
      var add = element("button", "Add a row", "button button--secondary");
      add.type = "button";
      add.dataset.addRow = form.id;
      add.appendChild(element("span", " to " + document.getElementById(form.id + "--title").textContent, "visually-hidden"));
      table.closest(".table-scroll").after(add);
      var empty = element("p", "This table has no rows. Use Add a row to start one.", "hint");
      empty.hidden = true;
      table.closest(".table-scroll").after(empty);
      var template = table.tBodies[0].rows[0].cloneNode(true);
      template.querySelectorAll("input, textarea, select").forEach(function (control) {
        control.value = "";
        control.defaultValue = "";
        if (control.tagName === "SELECT") { control.selectedIndex = 0; }
      });
      var remove = template.appendChild(element("td", undefined, "form-table__remove"))
        .appendChild(element("button", undefined, "button-link"));
      remove.type = "button";
      table.tBodies[0].querySelectorAll("tr").forEach(function (row) { row.remove(); });
      tables[form.id] = { body: table.tBodies[0], template: template, empty: empty };
    }

    function readRows(form) {
      return Array.prototype.map.call(tables[form.id].body.rows, function (row, index) {
        var values = {};
        form.fields.forEach(function (field) {
          values[field.id] = row.querySelector('[name="' + form.id + "--" + (index + 1) + "--" + field.id + '"]').value;
        });
        return values;
      });
    }

    function renderRows(form, rows) {
      var table = tables[form.id];
      while (table.body.rows.length > rows.length) { table.body.lastElementChild.remove(); }
      while (table.body.rows.length < rows.length) { table.body.appendChild(table.template.cloneNode(true)); }
      Array.prototype.forEach.call(table.body.rows, function (row, index) {
        var n = index + 1;
        var heading = row.cells[0];
        heading.id = form.id + "--row-" + n;
        heading.textContent = String(n);
        form.fields.forEach(function (field, f) {
          var control = row.cells[f + 1].querySelector("input, textarea, select");
          control.id = control.name = form.id + "--" + n + "--" + field.id;
          control.setAttribute("aria-labelledby", form.id + "--" + field.id + " " + heading.id);
          control.value = rows[index][field.id] || "";
          checkNumber(form, control);
        });
        row.cells[row.cells.length - 1].firstChild.dataset.removeRow = form.id;
        row.cells[row.cells.length - 1].firstChild.dataset.row = String(index);
      });
      nameRemoveButtons(form, rows);
      table.empty.hidden = rows.length > 0;
      indexControls();
      if (readOnly) { table.body.querySelectorAll("input, textarea, select, button").forEach(function (c) { c.disabled = true; }); }
    }

    /* "Remove row 2 (SENCO)": what a row holds, so that a screen reader user knows which row goes. */
    function describeRow(row) {
      var given = Object.keys(row).map(function (field) { return row[field]; }).filter(Boolean);
      return given.length ? " (" + given.join(", ") + ")" : "";
    }

    function nameRemoveButtons(form, rows) {
      Array.prototype.forEach.call(tables[form.id].body.rows, function (row, index) {
        var button = row.cells[row.cells.length - 1].firstChild;
        button.textContent = "Remove";
        button.appendChild(element("span", " row " + (index + 1) + describeRow(rows[index] || {}), "visually-hidden"));
      });
    }

    function addRow(formId) {
      var form = framework.items[formId];
      var rows = readRows(form).concat([{}]);
      renderRows(form, rows);
      onChange(function (record) { answers.setRows(record.answers, form, rows); }, false);
      tables[formId].body.lastElementChild.querySelector("input, textarea, select").focus();
    }

    function removeRow(formId, index) {
      var form = framework.items[formId];
      var rows = readRows(form);
      var removed = rows.splice(index, 1)[0];
      renderRows(form, rows);
      say("Row " + (index + 1) + describeRow(removed) + " removed from " +
          document.getElementById(formId + "--title").textContent.trim() + ".");
      onChange(function (record) { answers.setRows(record.answers, form, rows); }, false);
      var body = tables[formId].body;
      var next = body.rows[Math.min(index, body.rows.length - 1)];
      (next ? next.cells[next.cells.length - 1].firstChild : main.querySelector('[data-add-row="' + formId + '"]')).focus();
    }

    /* ---- read-only, while another tab edits this assessment */

    function setReadOnly(on) {
      if (on === readOnly) { return; }
      readOnly = on;
      main.querySelectorAll(".section input, .section textarea, .section select, .section button").forEach(function (control) {
        control.disabled = on;
      });
    }

    /* ---- start */

    framework.sections.forEach(function (section) {
      section.items.forEach(function (item) {
        if (item.type === "form" && item.repeat) { enhanceTable(item); }
      });
    });
    indexControls();
    main.querySelectorAll("[data-clear]").forEach(function (button) { clearButtons[button.dataset.clear] = button; });
    main.addEventListener("change", handle);
    main.addEventListener("input", handle);
    main.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      if (button.dataset.clear) { clearRating(button); }
      if (button.dataset.addRow) { addRow(button.dataset.addRow); }
      if (button.dataset.removeRow) { removeRow(button.dataset.removeRow, Number(button.dataset.row)); }
    });
    /* The sections' form exists only to switch off autocomplete; answers are saved as they change, never sent. */
    main.addEventListener("submit", function (event) { event.preventDefault(); });

    return { fill: fill, setReadOnly: setReadOnly };
  }

  toolkit.controls = { create: create, ratingLabel: ratingLabel };
}(window.SendToolkit = window.SendToolkit || {}));
