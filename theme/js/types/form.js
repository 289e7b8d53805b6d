// Needs: answers, dates, dom, types
/* Response type "form": labelled fields (text, long text, number, date, choice) answered once, or, with
   repeat, a table of rows that people add to and remove from.
   Answer: { <field id>: "value" }, or with repeat: { rows: [{ <field id>: "value" }, …] }. Controls: "<id>--<field>",
   or "<id>--<row number>--<field>" in a table. */
(function (toolkit) {
  "use strict";

  var answers = toolkit.answers;
  var element = toolkit.dom.element;
  var NUMBER_MESSAGE = "Enter a number, like 12 or 12.5";
  var PERCENT_MESSAGE = "Enter a percentage from 0 to 100";
  var tables = {};          // repeating form id -> { body, template row, empty-table message }

  /* The field a part names: "<field>", or "<row number>--<field>" in a table. */
  function fieldOf(item, part) {
    var id = item.repeat ? answers.parseName(part).part : part;
    return item.fields.find(function (field) { return field.id === id; });
  }

  /* Every part as { "<part>": value }, with a table's rows as "<row number>--<field>". */
  function flatten(item, answer) {
    if (!answer) { return {}; }
    if (!item.repeat) { return Object.assign({}, answer); }
    var parts = {};
    (answer.rows || []).forEach(function (row, index) {
      Object.keys(row).forEach(function (field) { parts[(index + 1) + "--" + field] = row[field]; });
    });
    return parts;
  }

  /* A table's preset rows do not count as an answer. */
  function isStarted(item, answer) {
    if (!answer) { return false; }
    if (!item.repeat) { return Object.keys(answer).length > 0; }
    var presets = flatten(item, { rows: item.rows });
    var given = flatten(item, answer);
    return Object.keys(given).some(function (part) { return given[part] !== presets[part]; });
  }

  /* A date field in words ("14 January 2027"); anything else as written. */
  function valueText(framework, item, part, value) {
    if (value === undefined) { return "No answer"; }
    var field = fieldOf(item, part);
    return field && field.type === "date" ? toolkit.dates.dayText(value) : String(value);
  }

  /* "Name (row 2)" in a table. */
  function partName(framework, item, part) {
    if (!item.repeat) { return null; }
    var pieces = answers.parseName(part);
    var heading = document.getElementById(item.id + "--" + pieces.part);
    return (heading ? heading.firstChild.textContent.trim() : pieces.part) + " (row " + pieces.item + ")";
  }

  /* ---- in the page: numbers checked in place; a table's rows added and removed; notes for the plan */

  /* A form answered once, for the plan: each field's label and answer; a table: its rows given. */
  function planNote(framework, item, answer) {
    var title = document.getElementById(item.id + "--title").textContent.trim();
    if (!item.repeat) {
      return { title: title, headings: ["Question", "Answer"], rows: item.fields.filter(function (f) { return answer[f.id]; }).map(function (f) {
        return [document.querySelector("label[for='" + item.id + "--" + f.id + "']").textContent.trim(), valueText(framework, item, f.id, answer[f.id])];
      }) };
    }
    var headings = item.fields.map(function (f) { return document.getElementById(item.id + "--" + f.id).firstChild.textContent.trim(); });
    var rows = (answer.rows || []).filter(function (row) { return Object.keys(row).length; }).map(function (row, index) {
      return [String(index + 1)].concat(item.fields.map(function (f) {
        return row[f.id] === undefined ? "" : valueText(framework, item, (index + 1) + "--" + f.id, row[f.id]);
      }));
    });
    return { title: title, headings: ["Row"].concat(headings), rows: rows };
  }

  function change(framework, item, part, control, ui) {
    if (item.repeat) {
      var rows = readRows(item);
      nameRemoveButtons(item, rows);
      return function (record) { answers.setRows(record.answers, item, rows); };
    }
    checkNumber(item, control, ui);
    return toolkit.types.defaults.change(framework, item, part, control, ui);
  }

  function fill(framework, item, answer, ui) {
    if (item.repeat) {
      renderRows(item, (answer || {}).rows || answers.defaultRows(item), ui);
      return;
    }
    toolkit.types.fillControls(item, answer, ui);
    ui.controlsOf(item).forEach(function (control) { checkNumber(item, control, ui); });
  }

  function checkNumber(item, control, ui) {
    var field = fieldOf(item, answers.parseName(control.name).part);
    if (!field || field.type !== "number") { return; }
    var parsed = answers.parseNumber(control.value);
    var percent = field.unit === "%" && parsed.kind !== "empty" && parsed.kind !== "other" &&
      (parsed.value < 0 || parsed.value > 100);
    ui.flag(control, parsed.kind === "other" || percent, percent ? PERCENT_MESSAGE : NUMBER_MESSAGE, true);
  }

  function enhance(framework, form) {
    if (!form.repeat) { return; }
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

  function renderRows(form, rows, ui) {
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
        checkNumber(form, control, ui);
      });
      row.cells[row.cells.length - 1].firstChild.dataset.removeRow = form.id;
      row.cells[row.cells.length - 1].firstChild.dataset.row = String(index);
    });
    nameRemoveButtons(form, rows);
    table.empty.hidden = rows.length > 0;
    ui.reindex();
    if (ui.isReadOnly(form)) { table.body.querySelectorAll("input, textarea, select, button").forEach(ui.readOnlyControl); }
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

  function click(framework, button, ui) {
    var form = framework.items[button.dataset.addRow || button.dataset.removeRow];
    if (!form) { return false; }
    var rows = readRows(form);
    var adding = Boolean(button.dataset.addRow);
    var index = adding ? rows.length : Number(button.dataset.row);
    var removed = adding ? null : rows.splice(index, 1)[0];
    if (adding) { rows.push({}); }
    renderRows(form, rows, ui);
    if (!adding) {
      ui.say("Row " + (index + 1) + describeRow(removed) + " removed from " +
             document.getElementById(form.id + "--title").textContent.trim() + ".");
    }
    ui.edit(function (record) { answers.setRows(record.answers, form, rows); }, false);
    var body = tables[form.id].body;
    var next = body.rows[Math.min(index, body.rows.length - 1)];
    if (adding) {
      next.querySelector("input, textarea, select").focus();
      return true;
    }
    (next ? next.cells[next.cells.length - 1].firstChild : document.querySelector('[data-add-row="' + form.id + '"]')).focus();
    return true;
  }

  toolkit.types.register("form", {
    parts: function (item) { return item.repeat ? ["rows"] : item.fields.map(function (field) { return field.id; }); },
    isText: function (item, part) {
      var field = item.fields.find(function (f) { return f.id === part; });   // part: the last step of a path, a field's id
      return Boolean(field) && (field.type === "text" || field.type === "long-text");
    },
    textParts: function (item, answer) { return item.repeat ? [] : Object.keys(answer); },
    flatten: flatten,
    changeParts: function (item, answer) { return item.repeat ? { rows: answer.rows } : flatten(item, answer); },   // rows have no identity
    changePartOf: function (item, part) { return item.repeat ? "rows" : part; },
    isStarted: isStarted,
    valueText: valueText,
    partName: partName,
    enhance: enhance,
    change: change,
    fill: fill,
    click: click,
    planNote: planNote
  });
}(window.SendToolkit = window.SendToolkit || {}));
