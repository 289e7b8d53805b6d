// Needs: answers, assessments, dom, messages, moderation, panels, plan, transfer, types, views
/* The "Compare raters' judgements" view (#moderation, reached from Your assessments), in two ways:
   - choosing: choose 2 to 8 of the assessments saved here, each one person's ratings, or add people's files of
     answers (compared without being saved), and see each statement's ratings and evidence side by side, the
     furthest apart first, with how far apart in words; then, if wished, start an agreed assessment from them;
   - agreeing: when the open assessment is an agreed one (record.moderation), its raters' judgements side by
     side, with the agreed judgement of each rating to choose and a moderation note per statement, every choice
     saved at once through session.js; the judgements all gave alike accepted at once; and the sign-off. */
(function (toolkit) {
  "use strict";

  var byId = toolkit.dom.byId;
  var element = toolkit.dom.element;
  var cell = toolkit.dom.cell;
  var plural = toolkit.dom.plural;
  var assessments = toolkit.assessments;
  var moderation = toolkit.moderation;

  var APART = { more: "Further apart", one: "One point apart", missing: "Not rated by everyone", agree: "All agree" };
  var FIRST = 50;      // statements drawn at first, the furthest apart: the rest when asked for (a thousand take seconds)

  function create(framework, app) {
    var session = app.session;
    var chosen = [];     // the keys of the assessments chosen, in the order chosen
    var fromFiles = [];  // { key, record, file (its name) } for each assessment in the files added
    var showAll = false;
    var showing = false;

    /* Every assessment to choose from: those saved here (the latest first), then those from files. */
    function candidates() {
      return assessments.byRecent(session.listed()).map(function (record) { return { key: "saved-" + record.id, record: record }; })
        .concat(fromFiles);
    }

    function agreed() {
      var record = session.record();
      return record.moderation ? record : null;
    }

    /* Draw the view for the open assessment (everything: every statement, unfiltered, as printed). */
    function show(everything) {
      var record = agreed();
      byId("moderation-choosing").hidden = Boolean(record);
      byId("moderation-agreeing").hidden = !record;
      byId("moderation-start-box").hidden = Boolean(record);
      byId("moderation-agreed-box").hidden = byId("moderation-sign").hidden = !record;
      if (record) {
        showAgreeing(record, everything);
      } else {
        showChoosing();
      }
    }

    function showChoosing() {
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
      compareChosen();
    }

    /* The chosen people's judgements side by side, or what is wrong with the choice. */
    function compareChosen() {
      var picked = pickedRecords();
      var problem = moderation.choiceProblem(picked);
      byId("moderation-problem").textContent = problem || "";
      byId("moderation-result").hidden = Boolean(problem);
      if (!problem) { draw(picked, null); }
    }

    function pickedRecords() {
      var all = candidates();
      return chosen.map(function (key) { return all.find(function (one) { return one.key === key; }).record; });
    }

    function showAgreeing(record, everything) {
      var raters = record.moderation.raters;
      byId("moderation-record-raters").textContent = "The judgements of " + plural(raters.length, "person", "people") +
        ", as they were when the agreed assessment was started: " + raters.map(whose).join("; ") + ".";
      byId("moderation-agreeing").textContent = "“" + assessments.title(record) + "” is an agreed assessment of " +
        plural(raters.length, "person's", "people's") + " judgements, as they were when it was started: " +
        raters.map(whose).join("; ") + ". Choose the agreed judgement of each rating in the last column: each choice is " +
        "saved at once, and the summary, priorities and action plan use them. To compare other people's judgements, " +
        "open another assessment under Your assessments.";
      byId("moderation-problem").textContent = "";
      byId("moderation-result").hidden = false;
      draw(raters, record, everything);
      showAgreedCount(record);
      var readOnly = session.readOnly();
      byId("moderation-accept").disabled = byId("moderation-sign-off").disabled = readOnly;
      var by = byId("moderation-by");
      var role = byId("moderation-role");
      if (document.activeElement !== by) { by.value = record.moderation.by || ""; }
      toolkit.dom.offer(role, record.moderation.role);
      role.value = record.moderation.role || "";
      by.disabled = role.disabled = readOnly;
      var signed = assessments.moderatedText(record);
      byId("moderation-signed").textContent = signed ? signed + "." : "Not signed off yet.";
    }

    /* How many statements have an agreed judgement, and the button accepting those all gave alike. */
    function showAgreedCount(record) {
      var statements = moderation.compare(framework, record.moderation.raters);
      var done = statements.length - moderation.notAgreed(framework, record).length;
      byId("moderation-agreed-count").textContent = done + " of " + plural(statements.length, "statement has", "statements have") +
        " an agreed judgement.";
      var waiting = moderation.agreeable(framework, record).length;
      var accept = byId("moderation-accept");
      accept.hidden = !waiting;
      accept.textContent = "Accept the " + plural(waiting, "judgement", "judgements") + " where everyone agrees";
    }

    /* Read the files chosen: each assessment in them is added and chosen; a file that cannot be read is listed
       with why, and the others still come in. */
    function addFiles(files) {
      var title = byId("framework-title").textContent.trim();
      Promise.all(Array.prototype.map.call(files, function (file) {   // each file's { records } or { error }, in order
        var tooBig = toolkit.transfer.sizeProblem(file.size);
        if (tooBig) { return { name: file.name, error: tooBig }; }
        return file.text().then(function (text) {
          return Object.assign({ name: file.name }, toolkit.transfer.read(text, framework, title));
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
        show();
      });
    }

    /* The table of the raters' judgements (records: theirs), and for an agreed assessment (record) a column of
       agreed judgements and a moderation note per statement. Gives the statements compared. */
    function draw(records, record, everything) {
      var statements = moderation.compare(framework, records);
      var tally = moderation.counts(statements);
      byId("moderation-summary").textContent = plural(records.length, "person's", "people's") + " judgements of " +
        plural(statements.length, "statement", "statements") + ": " + tally.more + " further apart than one point, " +
        tally.one + " one point apart, " + tally.missing + " not rated by everyone, and " + tally.agree + " where all agree.";
      var table = byId("moderation-table");
      table.classList.toggle("moderation-table--agreeing", Boolean(record));
      table.style.minWidth = (records.length * 6 + (record ? 32 : 24)) + "em";   // each person's column wide enough for a name
      var head = table.tHead;
      head.textContent = "";
      var top = head.insertRow();
      ["Statement", "Answer"].concat(records.map(whose), ["How far apart"], record ? ["Agreed judgement"] : []).forEach(function (words) {
        var th = top.appendChild(element("th", words));
        th.scope = "col";
      });
      var body = table.tBodies[0];
      body.textContent = "";
      var onlyDifferences = !everything && byId("moderation-differences").checked;
      var shownHere = statements.filter(function (statement) { return !onlyDifferences || statement.agreement !== "agree"; });
      var more = byId("moderation-more");
      var all = showAll || everything;
      more.hidden = all || shownHere.length <= FIRST;
      more.textContent = "Show the other " + plural(shownHere.length - FIRST, "statement", "statements");
      shownHere.slice(0, all ? shownHere.length : FIRST).forEach(function (statement) {
        drawStatement(body, statement, records, record, everything);
      });
      return statements;
    }

    /* One statement's rows; for an agreed assessment, a row for its moderation note (printed only when written). */
    function drawStatement(body, statement, records, record, printing) {
      var item = framework.items[statement.item];
      var noted = Boolean(record) && (!printing || Boolean(noteOf(record, item.id)));
      var rows = statement.ratings.map(function (rating) {
        var name = toolkit.panels.partName(framework, item.id, rating.id);
        return [name, rating.values.map(function (value) {
          return toolkit.types.of(item).valueText(framework, item, rating.id, value);
        }), APART[rating.agreement], record ? agreedChoice(item, rating, name, record, records) : null];
      });
      if (statement.evidence.some(Boolean)) {
        rows.push([toolkit.panels.partName(framework, item.id, "evidence"), statement.evidence.map(function (text) {
          return text || "None given";
        }), "", record ? "" : null]);
      }
      rows.forEach(function (row, index) {
        var tr = body.insertRow();
        if (index === 0) {
          var th = tr.appendChild(element("th", toolkit.panels.itemName(item.id)));
          th.appendChild(element("span", sectionTitle(statement.section), "moderation__section"));
          th.scope = "row";
          th.rowSpan = rows.length + (noted ? 1 : 0);
        }
        cell(tr, row[0]);
        row[1].forEach(function (words) { cell(tr, words); });
        cell(tr, row[2]);
        if (row[3] !== null) { cell(tr, row[3]); }
      });
      if (noted) {
        var tr = body.insertRow();
        cell(tr, "Moderation note");
        var note = cell(tr, [noteBox(item, record)]);
        note.colSpan = records.length + 2;
      }
    }

    /* The agreed judgement of one rating: a list of the scale's points, each saying who gave it; and the one
       chosen in words, which prints instead. */
    function agreedChoice(item, rating, name, record, records) {
      var select = element("select", undefined, "field__input field__input--select");
      select.dataset.agreedItem = item.id;
      select.dataset.agreedRating = rating.id;
      select.setAttribute("aria-label", "Agreed judgement: " + toolkit.panels.itemName(item.id) + ", " + name);
      select.disabled = session.readOnly();
      select.appendChild(element("option", "Not agreed yet")).value = "";
      var scale = framework.scales[rating.scale];
      var now = (record.answers[item.id] || {})[rating.id];
      scale.points.forEach(function (point) {
        var givers = records.filter(function (rater, index) { return rating.values[index] === point.value; }).map(function (rater) {
          return rater.rater || whose(rater);
        });
        var option = select.appendChild(element("option", toolkit.types.of(item).valueText(framework, item, rating.id, point.value) +
          (givers.length ? " (" + givers.join(", ") + ")" : "")));
        option.value = String(point.value);
        option.selected = point.value === now;
      });
      return [select, element("span", select.selectedOptions[0].textContent, "print-only")];
    }

    function noteBox(item, record) {
      var box = element("textarea", undefined, "field__input");
      box.rows = 2;
      box.dataset.noteFor = item.id;
      box.setAttribute("aria-label", "Moderation note: " + toolkit.panels.itemName(item.id));
      box.value = noteOf(record, item.id);
      box.disabled = session.readOnly();
      return box;
    }

    /* A section's title, as its heading says it (statements of several sections are mixed, furthest apart first). */
    function sectionTitle(id) {
      return byId(id + "-title").textContent.trim();
    }

    function noteOf(record, id) {
      return Object.prototype.hasOwnProperty.call(record.moderation.notes, id) ? record.moderation.notes[id] : "";
    }

    /* Who rated an assessment, or its title when it does not say. */
    function whose(record) {
      return assessments.raterText(record) || "Rater not given";
    }

    function startAgreed() {
      var made = app.saved.write(moderation.startAgreed(framework, pickedRecords(), new Date()));
      if (made.error) {
        app.status.showError(made.error);
        app.status.showStatus();
        return;
      }
      session.choose(made.record);
      showAll = false;
      show();
      toolkit.messages.say("Started an agreed assessment, “" + assessments.title(made.record) + "”: choose the agreed judgement of " +
        "each statement.", "moderation", { focus: true });
    }

    function acceptAgreed() {
      var found = moderation.agreeable(framework, session.record());
      session.change(function (record) {
        found.forEach(function (one) {
          if ((record.answers[one.item] || {})[one.rating] === undefined) {
            toolkit.answers.setPart(record.answers, one.item, one.rating, one.value);
          }
        });
      });
      show();
      toolkit.messages.say("Accepted " + plural(found.length, "judgement", "judgements") + " where everyone agrees.", "moderation", { focus: true });
    }

    function signOff() {
      var by = byId("moderation-by");
      var name = by.value.trim();
      var error = byId("moderation-by-error");
      error.hidden = Boolean(name);
      error.textContent = name ? "" : "Give the name of who moderated the judgements.";
      byId("moderation-by-field").classList.toggle("field--error", !name);
      if (name) { by.removeAttribute("aria-invalid"); } else { by.setAttribute("aria-invalid", "true"); }
      by.setAttribute("aria-describedby", name ? "moderation-by--hint" : "moderation-by-error moderation-by--hint");
      if (!name) { by.focus(); return; }
      var role = byId("moderation-role").value;
      var open = moderation.notAgreed(framework, session.record()).length;
      if (!open) {
        signAs(name, role);
        return;
      }
      toolkit.dom.confirm("Sign off with " + plural(open, "statement", "statements") + " not agreed yet?",
        plural(open, "statement has", "statements have") + " no agreed judgement for every rating yet. You can sign off now and " +
        "agree " + (open === 1 ? "it" : "them") + " later: the sign-off then says how many judgements changed after it.",
        "Yes, sign off").then(function (yes) {
        if (yes) { signAs(name, role); }
      });
    }

    function signAs(name, role) {
      var day = new Date();
      var on = toolkit.plan.isoDate(day);
      session.change(function (record) {
        record.moderation = Object.assign({}, record.moderation, { by: name.slice(0, 200), role: role, on: on, at: day.getTime() });
      });
      show();
      toolkit.messages.say("Signed off: " + assessments.moderatedText(session.record()) + ".", "moderation", { focus: true });
    }

    toolkit.views.register("moderation", {
      show: function () { showing = true; show(); },
      leave: function () { showing = false; }
    });

    /* Before printing a document (print.js's kinds): the moderation record of an agreed assessment, every
       statement, goes into the full report and is the moderation record; nothing of it otherwise. */
    function print(kind) {
      var record = kind === "blank" ? null : agreed();
      byId("moderation").classList.toggle("moderation--record", Boolean(record));
      if (record) { show(true); }
    }

    /* After printing: the view as it was, with a box for every note. */
    function printed() {
      if (showing) { show(); }
    }

    document.addEventListener("click", function (event) {
      if (!showing) { return; }
      var id = event.target.id;
      if (id === "moderation-more") {
        showAll = true;
        show();
        var next = byId("moderation-table").querySelectorAll("tbody th")[FIRST];   // the button is gone: focus goes to the first
        next.tabIndex = -1;                                                         // statement it brought
        next.focus();
      } else if (id === "moderation-start") {
        startAgreed();
      } else if (id === "moderation-accept") {
        acceptAgreed();
      } else if (id === "moderation-sign-off") {
        signOff();
      }
    });

    document.addEventListener("input", function (event) {
      var target = event.target;
      if (!showing || !target.dataset || !target.dataset.noteFor || !agreed()) { return; }
      var id = target.dataset.noteFor;
      var text = target.value;
      session.change(function (record) {
        var notes = Object.assign({}, record.moderation.notes);
        if (text) { notes[id] = text.slice(0, assessments.MOST_NOTE); } else { delete notes[id]; }
        record.moderation = Object.assign({}, record.moderation, { notes: notes });
      }, true);
    });

    document.addEventListener("change", function (event) {
      var target = event.target;
      if (!showing) { return; }
      if (target.dataset && target.dataset.agreedItem && agreed()) {
        var item = framework.items[target.dataset.agreedItem];
        var scale = framework.scales[item.ratings.find(function (rating) { return rating.id === target.dataset.agreedRating; }).scale];
        var point = toolkit.answers.pointFor(scale, target.value);
        session.change(function (record) {
          toolkit.answers.setPart(record.answers, item.id, target.dataset.agreedRating, point ? point.value : undefined);
        });
        target.nextElementSibling.textContent = target.selectedOptions[0].textContent;
        showAgreedCount(session.record());
        return;
      }
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
      if (agreed()) { showAgreeing(agreed()); } else { compareChosen(); }
    });

    return { print: print, printed: printed };
  }

  toolkit.moderationView = { create: create };
}(window.SendToolkit = window.SendToolkit || {}));
