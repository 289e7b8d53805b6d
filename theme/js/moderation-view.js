// Needs: assessments, dom, moderation, panels, transfer, types, views
/* The "Compare raters' judgements" view (#moderation, reached from Your assessments): choose 2 to 8 of the
   assessments saved here, each one person's ratings, and see each statement's ratings and evidence side by side,
   the furthest apart first, with how far apart in words; or add people's files of answers, compared without
   being saved. Reads only: nothing here changes an assessment. */
(function (toolkit) {
  "use strict";

  var byId = toolkit.dom.byId;
  var element = toolkit.dom.element;
  var cell = toolkit.dom.cell;
  var plural = toolkit.dom.plural;
  var assessments = toolkit.assessments;
  var moderation = toolkit.moderation;

  var APART = { more: "Further apart", one: "One point apart", missing: "Not rated by everyone", agree: "All agree" };
  var chosen = [];     // the keys of the assessments chosen, in the order chosen
  var shown = null;    // what the app gave when the view last showed (views.register)
  var fromFiles = [];  // { key, record, file (its name) } for each assessment in the files added
  var FIRST = 50;      // statements drawn at first, the furthest apart: the rest when asked for (a thousand take seconds)
  var showAll = false;

  /* Every assessment to choose from: those saved here (the latest first), then those from files. */
  function candidates() {
    return assessments.byRecent(shown.listed()).map(function (record) { return { key: "saved-" + record.id, record: record }; })
      .concat(fromFiles);
  }

  function show(where, page) {
    shown = page;
    var all = candidates();
    chosen = chosen.filter(function (key) { return all.some(function (one) { return one.key === key; }); });
    var box = byId("moderation-raters");
    box.textContent = "";
    all.forEach(function (one, index) {
      var wrap = box.appendChild(element("div", undefined, "checkbox"));
      var input = wrap.appendChild(element("input"));
      input.type = "checkbox";
      input.id = "moderate-" + index;
      input.value = one.key;
      input.checked = chosen.indexOf(one.key) >= 0;
      var label = wrap.appendChild(element("label", whose(one.record) + " (" + assessments.title(one.record) +
        (one.file ? ", from " + one.file : "") + ")"));
      label.htmlFor = input.id;
    });
    draw(page.framework, all);
  }

  /* Read the files chosen: each assessment in them is added and chosen; a file that cannot be read is listed
     with why, and the others still come in. */
  function addFiles(files) {
    var title = byId("framework-title").textContent.trim();
    Promise.all(Array.prototype.map.call(files, function (file) {   // each file's { records } or { error }, in order
      var tooBig = toolkit.transfer.sizeProblem(file.size);
      if (tooBig) { return { name: file.name, error: tooBig }; }
      return file.text().then(function (text) {
        return Object.assign({ name: file.name }, toolkit.transfer.read(text, shown.framework, title));
      }, function () {
        return { name: file.name, error: "This browser was not allowed to read it. Copy it to this computer and try again." };
      });
    })).then(function (read) {
      var refused = read.filter(function (one) { return one.error; });
      read.filter(function (one) { return !one.error; }).forEach(function (one) {
        one.records.forEach(function (record) {
          var key = "file-" + (fromFiles.length + 1);
          fromFiles.push({ key: key, record: record, file: one.name });
          chosen.push(key);
        });
      });
      byId("moderation-refused").hidden = !refused.length;
      byId("moderation-refused-title").textContent = refused.length === 1 ? "1 file could not be added" :
        refused.length + " files could not be added";
      var list = byId("moderation-refused-list");
      list.textContent = "";
      refused.forEach(function (one) { list.appendChild(element("li", one.name + ": " + one.error)); });
      show(null, shown);
    });
  }

  /* Who rated an assessment, or its title when it does not say. */
  function whose(record) {
    return assessments.raterText(record) || "Rater not given";
  }

  function draw(framework, all) {
    var picked = chosen.map(function (key) { return all.find(function (one) { return one.key === key; }).record; });
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
    var shownHere = statements.filter(function (statement) { return !onlyDifferences || statement.agreement !== "agree"; });
    var more = byId("moderation-more");
    more.hidden = showAll || shownHere.length <= FIRST;
    more.textContent = "Show the other " + plural(shownHere.length - FIRST, "statement", "statements");
    shownHere.slice(0, showAll ? shownHere.length : FIRST).forEach(function (statement) {
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

  document.addEventListener("click", function (event) {
    if (!shown || event.target.id !== "moderation-more") { return; }
    showAll = true;
    draw(shown.framework, candidates());
    byId("moderation-table").closest(".table-scroll").focus();   // the button is gone: focus goes to the table
  });

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (!shown) { return; }
    if (target.id === "moderation-files") {
      addFiles(target.files);
      target.value = "";
      return;
    }
    if (target.closest && target.closest("#moderation-raters")) {
      chosen = chosen.filter(function (key) { return key !== target.value; }).concat(target.checked ? [target.value] : []);
      showAll = false;
    } else if (target.id !== "moderation-differences") {
      return;
    }
    draw(shown.framework, candidates());
  });
}(window.SendToolkit = window.SendToolkit || {}));
