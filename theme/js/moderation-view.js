// Needs: assessments, dom, moderation, panels, types, views
/* The "Compare raters' judgements" view (#moderation, reached from Your assessments): choose 2 to 8 of the
   assessments saved here, each one person's ratings, and see each statement's ratings and evidence side by side,
   the furthest apart first, with how far apart in words. Reads only: nothing here changes an assessment. */
(function (toolkit) {
  "use strict";

  var byId = toolkit.dom.byId;
  var element = toolkit.dom.element;
  var cell = toolkit.dom.cell;
  var plural = toolkit.dom.plural;
  var assessments = toolkit.assessments;
  var moderation = toolkit.moderation;

  var APART = { more: "Further apart", one: "One point apart", missing: "Not rated by everyone", agree: "All agree" };
  var chosen = [];   // the ids of the assessments chosen, in the order chosen
  var shown = null;  // what the app gave when the view last showed (views.register)

  function show(where, page) {
    shown = page;
    var records = assessments.byRecent(page.listed());
    chosen = chosen.filter(function (id) { return records.some(function (record) { return record.id === id; }); });
    var box = byId("moderation-raters");
    box.textContent = "";
    records.forEach(function (record) {
      var wrap = box.appendChild(element("div", undefined, "checkbox"));
      var input = wrap.appendChild(element("input"));
      input.type = "checkbox";
      input.id = "moderate-" + record.id;
      input.value = record.id;
      input.checked = chosen.indexOf(record.id) >= 0;
      var label = wrap.appendChild(element("label", whose(record) + " (" + assessments.title(record) + ")"));
      label.htmlFor = input.id;
    });
    draw(page.framework, records);
  }

  /* Who rated an assessment, or its title when it does not say. */
  function whose(record) {
    return assessments.raterText(record) || "Rater not given";
  }

  function draw(framework, records) {
    var picked = chosen.map(function (id) { return records.find(function (record) { return record.id === id; }); });
    var problem = moderation.choiceProblem(picked);
    byId("moderation-problem").textContent = problem || "";
    byId("moderation-result").hidden = Boolean(problem);
    if (problem) { return; }
    var statements = moderation.compare(framework, picked);
    var tally = moderation.counts(statements);
    byId("moderation-summary").textContent = plural(picked.length, "person's", "people's") + " judgements of " +
      plural(statements.length, "statement", "statements") + ": " + tally.more + " further apart than one point, " +
      tally.one + " one point apart, " + tally.missing + " not rated by everyone, and " + tally.agree + " where all agree.";
    var table = byId("moderation-table");
    var head = table.tHead;
    head.textContent = "";
    var top = head.insertRow();
    ["Statement", "Answer"].concat(picked.map(whose), ["How far apart"]).forEach(function (words) {
      var th = top.appendChild(element("th", words));
      th.scope = "col";
    });
    var body = table.tBodies[0];
    body.textContent = "";
    var onlyDifferences = byId("moderation-differences").checked;
    statements.forEach(function (statement) {
      if (onlyDifferences && statement.agreement === "agree") { return; }
      var item = framework.items[statement.item];
      var rows = statement.ratings.map(function (rating) {
        return [toolkit.panels.partName(framework, item.id, rating.id), rating.values.map(function (value) {
          return toolkit.types.of(item).valueText(framework, item, rating.id, value);
        }), APART[rating.agreement]];
      });
      if (statement.evidence.some(Boolean)) {
        rows.push([toolkit.panels.partName(framework, item.id, "evidence"), statement.evidence.map(function (text) { return text || "None given"; }), ""]);
      }
      rows.forEach(function (row, index) {
        var tr = body.insertRow();
        if (index === 0) {
          var th = tr.appendChild(element("th", toolkit.panels.itemName(item.id)));
          th.scope = "row";
          th.rowSpan = rows.length;
        }
        cell(tr, row[0]);
        row[1].forEach(function (words) { cell(tr, words); });
        cell(tr, row[2]);
      });
    });
  }

  toolkit.views.register("moderation", { show: show });

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.closest && target.closest("#moderation-raters")) {
      chosen = chosen.filter(function (id) { return id !== target.value; }).concat(target.checked ? [target.value] : []);
    } else if (target.id !== "moderation-differences") {
      return;
    }
    if (shown) { draw(shown.framework, assessments.byRecent(shown.listed())); }
  });
}(window.SendToolkit = window.SendToolkit || {}));
