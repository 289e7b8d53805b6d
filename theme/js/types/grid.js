// Needs: answers, types
/* Response type "grid": a table of cells, numbers (with row and column totals when asked) or text.
   Answer: { "<row>.<group>.<column>": "cell text" } ("<row>.<column>" with no groups); cells keep what was
   typed, numbers or not. Controls: one box a cell, "<id>--<row>.<group>.<column>". */
(function (toolkit) {
  "use strict";

  var answers = toolkit.answers;
  var CELL_MESSAGE = "Not a number, so its row and column have no total";

  /* A grid's cells: "<row>.<group>.<column>", or "<row>.<column>" with no groups. */
  function parts(grid) {
    var groups = grid.groups.length ? grid.groups.map(function (group) { return group + "."; }) : [""];
    var cells = [];
    grid.rows.forEach(function (row) {
      groups.forEach(function (group) {
        grid.columns.forEach(function (column) { cells.push(row + "." + group + column); });
      });
    });
    return cells;
  }

  /* ---- in the page: cells that are not numbers flagged in place, never thrown away; totals */

  function check(item, ui, only) {
    if (item.cells === "text") { return; }
    var cells = only ? [only] : ui.controlsOf(item);
    cells.forEach(function (cell) { ui.flag(cell, answers.parseNumber(cell.value).kind === "other", CELL_MESSAGE, false); });
    if (!item.totals) { return; }
    var values = {};
    ui.controlsOf(item).forEach(function (cell) { values[answers.parseName(cell.name).part] = cell.value; });
    var totals = answers.gridTotals(item, values);
    document.getElementById(item.id).querySelectorAll("[data-total]").forEach(function (cell) {
      var total = totals[cell.dataset.total];
      cell.textContent = total === null || total === undefined ? "–" : String(total);
    });
  }

  toolkit.types.register("grid", {
    parts: parts,
    isText: function (item) { return item.cells === "text"; },
    change: function (framework, item, part, control, ui) {
      check(item, ui, control);
      return toolkit.types.defaults.change(framework, item, part, control, ui);
    },
    fill: function (framework, item, answer, ui) {
      toolkit.types.fillControls(item, answer, ui);
      check(item, ui);
    }
  });
}(window.SendToolkit = window.SendToolkit || {}));
