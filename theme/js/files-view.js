// Needs: answers, assessments, changes, dates, dom, messages, panels, plan, results, stamps, transfer, types, views
/* The "Download or load" view: files of answers and spreadsheets out, files of answers in.
   A file is offered only after it has been read back and found to hold exactly what is on screen (what is
   saved, and any change the browser would not save, which the message then names).
   A file loaded is checked whole, then previewed; nothing saved changes until the user says so.
   The app gives what this needs as `app`: { flush, current, saved, onScreen, unsaved, readOnly, downloaded, markDownloaded,
   load, say }. Everything from a file is shown with .textContent. */
(function (toolkit) {
  "use strict";

  var element = toolkit.dom.element;
  var byId = toolkit.dom.byId;
  var download = toolkit.dom.download;
  var plural = toolkit.dom.plural;
  var assessments = toolkit.assessments;
  var transfer = toolkit.transfer;
  var results = toolkit.results;

  /* "45 answers, 2 review points and 3 actions" */
  function contents(record) {
    return plural(Object.keys(record.answers).length, "answer", "answers") + ", " +
      plural(record.reviewPoints.length, "review point", "review points") + " and " +
      plural(record.actions.length, "action", "actions");
  }

  function create(framework, app) {
    var title = byId("framework-title").textContent.trim();
    var chosen = null;      // the file of answers being previewed: { name, records }
    var handle = null;      // where "Save to a file you choose" saved, with what: { file, which }

    /* ---- messages: one success line, or an error summary linked to the file field (GOV.UK pattern) */

    function say(text) {
      showError(null);
      toolkit.messages.say(text, "files", { place: "files-message-text", focus: true });
    }

    function showError(text) {
      var summary = byId("files-error");
      document.title = (text ? "Error: " : "") + document.title.replace(/^Error: /, "");  // GOV.UK: the title says so too
      summary.hidden = !text;
      byId("files-error-text").textContent = text || "";
      byId("load-file-error-text").textContent = text || "";
      byId("load-file-error").hidden = !text;
      byId("load-file").closest(".field").classList.toggle("field--error", Boolean(text));
      if (text) {
        toolkit.messages.clear("files-message-text");
        summary.focus();
      }
    }

    /* ---- downloading */

    function which() {
      return document.querySelector('input[name="download-which"]:checked').value;
    }

    /* The records to put in a file, as they are on screen: what is saved, and changes that could not be. */
    function recordsFor(choice) {
      app.flush();
      var current = app.current();
      return app.onScreen().filter(function (record) { return choice === "all" || record.id === current.id; });
    }

    /* What the file just made holds, in words. */
    function holds() {
      return app.unsaved() ? "It was read back and holds your answers as they are on screen, including the changes " +
        "this browser has not saved." : "It was read back and holds exactly what is saved.";
    }

    /* The file of these records, once the text has been read back as a file of answers holding exactly
       these records; else null, after saying so. */
    function checkedFile(text, records) {
      var back = transfer.read(text, framework, title);
      var same = !back.error && back.records.length === records.length && back.records.every(function (record, index) {
        return JSON.stringify(record) === JSON.stringify(records[index]);
      });
      if (!same) {
        showError("The file was not downloaded: when it was read back it did not hold exactly what is saved here. " +
          "Nothing has changed in this browser. Try again; if it happens again, print the report to keep a copy.");
      }
      return same;
    }

    function nothingSaved() {
      showError("There is nothing to download yet: this assessment has no answers saved. Answer a statement first.");
    }

    function downloadAnswers() {
      var choice = which();
      var records = recordsFor(choice);
      if (!records.length) { nothingSaved(); return; }
      var now = new Date();
      var text = transfer.makeFile(framework, title, records, now);
      var name = transfer.fileName(framework, choice === "all" ? null : records[0], now);
      new Blob([text]).text().then(function (back) {
        if (back !== text || !checkedFile(back, records)) { return; }
        download(text, name, "application/json");
        app.markDownloaded(records, now);
        say("Downloaded " + name + ", with " + describe(records) + ". " + holds() + " " +
          "Keep it somewhere safe, such as your school's shared drive.");
        show();
      });
    }

    function describe(records) {
      return records.length === 1 ? contents(records[0]) : plural(records.length, "assessment", "assessments");
    }

    /* Where the browser can save to a file the user chooses (Chrome, Edge): save there, and later again. */
    function saveToFile(again) {
      var choice = again ? handle.which : which();
      var records = recordsFor(choice);
      if (!records.length) { nothingSaved(); return; }
      var now = new Date();
      var text = transfer.makeFile(framework, title, records, now);
      var picked = again ? Promise.resolve(handle.file) : window.showSaveFilePicker({
        suggestedName: transfer.fileName(framework, choice === "all" ? null : records[0], now),
        types: [{ description: "Answers from the SEND Self-Evaluation Toolkit", accept: { "application/json": [".json"] } }]
      });
      picked.then(function (file) {
        return file.createWritable().then(function (stream) {
          return stream.write(text).then(function () { return stream.close(); });
        }).then(function () { return file.getFile(); }).then(function (saved) { return saved.text(); }).then(function (back) {
          if (!checkedFile(back, records)) { return; }
          handle = { file: file, which: choice };
          app.markDownloaded(records, now);
          say((again ? "Saved again to " : "Saved to ") + file.name + ", with " + describe(records) +
            ". " + holds());
          show();
        });
      }).catch(function (error) {
        if (error && error.name === "AbortError") { return; }
        showError("The file could not be saved there (" + (error && error.name) + "). Nothing has changed in this browser. " +
          "Use “Download my answers” instead.");
      });
    }

    /* ---- spreadsheets */

    function ratingsRows() {
      var fitted = assessments.fitting(app.current().answers, framework);  // answers that no longer fit are left out
      var statements = Object.keys(framework.items).filter(function (id) { return framework.items[id].type === "statement"; });
      var ratingIds = [];
      var labels = {};
      statements.forEach(function (id) {
        framework.items[id].ratings.forEach(function (rating) {
          if (ratingIds.indexOf(rating.id) < 0) {
            ratingIds.push(rating.id);
            labels[rating.id] = toolkit.types.of(framework.items[id]).ratingLabel(id, rating.id);
          }
        });
      });
      var anyEvidence = statements.some(function (id) { return framework.items[id].evidence; });
      var rows = [["Section", "Number", "Statement"].concat(ratingIds.map(function (id) { return labels[id]; }), anyEvidence ? ["Evidence"] : [])];
      statements.forEach(function (id) {
        var item = framework.items[id];
        var answer = fitted[id] || {};
        var cells = [results.sectionTitle(framework.sectionOf[id].id), results.statementNumber(id), results.statementText(id)];
        ratingIds.forEach(function (ratingId) {
          var rating = item.ratings.find(function (r) { return r.id === ratingId; });
          var given = rating ? answer[ratingId] : undefined;
          var point = given !== undefined && toolkit.answers.pointFor(framework.scales[rating.scale], given);
          cells.push(given === undefined ? "" : (point && typeof point.value !== "number" && point.label) || String(given));
        });
        rows.push(anyEvidence ? cells.concat([answer.evidence || ""]) : cells);
      });
      return rows;
    }

    function downloadCsv(kind) {
      app.flush();
      var rows = kind === "ratings" ? ratingsRows() : app.planRows();
      var name = transfer.fileName(framework, app.current(), new Date(), "csv").replace(".csv", kind === "ratings" ? "-ratings.csv" : "-action-plan.csv");
      download(transfer.csv(rows), name, "text/csv;charset=utf-8");
      say("Downloaded " + name + " (" + plural(rows.length - 1, "row", "rows") + "). It opens in Excel or another spreadsheet; " +
        "it cannot be loaded back here, so keep the file of answers too.");
    }

    /* ---- loading */

    function readChosen(file) {
      showError(null);
      toolkit.messages.clear("files-message-text");
      hidePreview();
      var tooBig = transfer.sizeProblem(file.size);
      if (tooBig) { showError(tooBig); return; }
      file.text().then(function (text) {
        var read = transfer.read(text, framework, title);
        if (read.error) { showError(read.error); return; }
        chosen = { name: file.name, records: read.records, file: read.file };
        preview();
      }, function () {
        showError("The file could not be opened: this browser was not allowed to read it. Copy it to this computer and try again.");
      });
    }

    function hidePreview() {
      chosen = null;
      byId("load-preview").hidden = true;
      byId("load-choices").textContent = "";
    }

    /* What loading would do, before anything changes: for each assessment in the file, add it as new or
       load it into one here, with what would change and the statements answered differently. */
    function preview() {
      var here = app.saved();
      var box = byId("load-choices");
      box.textContent = "";
      byId("load-preview-summary").textContent = "The file " + chosen.name + " holds " +
        plural(chosen.records.length, "assessment", "assessments") + " of this framework" +
        (chosen.file.exported ? ", downloaded on " + toolkit.dates.formatDateTime(chosen.file.exported) : "") + "." +
        (chosen.file.otherVersion ? " It was made with version " + chosen.file.frameworkVersion + " of the framework; this page is version " +
          framework.version + ". Answers to statements that have changed are moved to the new statements, and any that cannot be are kept and listed." : "") +
        " Choose what to do with " + (chosen.records.length === 1 ? "it" : "each") + ". Nothing changes until you select “Load answers”.";
      chosen.records.forEach(function (record, index) {
        var set = box.appendChild(element("fieldset", undefined, "field load-choice"));
        set.appendChild(element("legend", "From the file: " + assessments.title(record), "field__label"));
        set.appendChild(element("p", contents(record) + (assessments.raterText(record) ? "; rated by " + assessments.raterText(record) : "") +
          (record.updated ? "; last saved " + toolkit.dates.formatDateTime(record.updated) : "") + ".", "hint"));
        var match = here.find(function (mine) { return mine.id === record.id; });
        set.appendChild(option(index, "new", "Add it as a new assessment", "Nothing saved here changes.", !match));
        here.forEach(function (mine) {
          set.appendChild(option(index, mine.id, "Load it into " + assessments.title(mine) + ", saved here",
                                 changeText(mine, record), mine === match, differencesList(index, mine, record)));
        });
      });
      chosen.shown = differencesNow();
      byId("load-preview").hidden = false;
      byId("load-preview-title").focus();
    }

    function option(index, value, label, hint, checked, extra) {
      var id = "load-" + index + "-" + value;
      var wrap = element("div", undefined, "radio");
      var input = wrap.appendChild(element("input"));
      input.type = "radio";
      input.name = "load-" + index;
      input.id = id;
      input.value = value;
      input.checked = checked;
      input.setAttribute("aria-describedby", id + "--hint");
      var label_ = wrap.appendChild(element("label", label, "radio__label"));
      label_.htmlFor = id;
      var note = wrap.appendChild(element("div", undefined, "hint radio__hint"));
      note.id = id + "--hint";
      note.appendChild(element("p", hint));
      if (extra) { wrap.appendChild(extra).classList.add("radio__hint"); }   // not in the hint: it holds controls
      return wrap;
    }

    function pointName() {
      return "Before loading " + chosen.name;
    }

    /* What loading into mine would do, keeping the answers here of the conflicts named in keep, and giving
       others' answers (transfer.preview). */
    function changeText(mine, record, keep, others) {
      var loading = transfer.preview(framework, mine, record, keep, others);
      var merged = transfer.merge(framework, mine, record, pointName(), new Date(), keep, others);
      var changed = count(toolkit.assessments.compare(mine.answers, merged.answers, framework));
      var added = record.reviewPoints.filter(function (point) { return !assessments.findReviewPoint(mine, point.id); }).length;
      var actions = record.actions.filter(function (action) { return !toolkit.plan.find(mine, action.id); }).length;
      var conflicts = loading.differences.filter(function (difference) { return difference.conflict; }).length;
      var newer = loading.differences.filter(function (difference) {
        return !difference.conflict && difference.newer === "here" && difference.file !== undefined;
      }).length;
      if (!loading.taken.length && !conflicts && !added && !actions) {
        return toolkit.stamps.isOlder(mine, record) && loading.differences.length
          ? "This file is older than what is saved here: nothing in it is new, and nothing here would change."
          : "Nothing here would change: everything in the file is here already.";
      }
      return answersText(changed, orphansAdded(mine, record)) + plural(added, "review point", "review points") + " and " +
        plural(actions, "action", "actions") + " would be added. " +
        (newer ? plural(newer, "answer", "answers") + " changed here after the file's copy " + (newer === 1 ? "is" : "are") + " kept. " : "") +
        (conflicts ? plural(conflicts, "answer was", "answers were") + " changed both here and in the file: choose below which to keep " +
          "(the one changed last is chosen to start with). " : "") +
        (loading.replaced.length ? "First a review point called “" + pointName() + "” keeps the answers as they are now." :
          "No answer here is replaced.");
    }

    function count(changes) {
      return changes.reduce(function (total, item) { return total + item.changes.length; }, 0);
    }

    /* "3 answers would change; ", or with answers for statements not in this framework: "No answer to a
       statement in this framework would change, but 9 answers for statements not in it would be added …" */
    function answersText(changed, orphans) {
      if (!orphans) { return plural(changed, "answer", "answers") + " would change; "; }
      return (changed ? plural(changed, "answer", "answers") + " would change, and " : "No answer to a statement in this framework would change, but ") +
        plural(orphans, "answer", "answers") + " for statements not in this framework would be added: " +
        (orphans === 1 ? "it is" : "they are") + " kept, and listed on the overview. ";
    }

    /* How many answers for items not in this framework the file would add or change here. */
    function orphansAdded(mine, record) {
      return assessments.orphans(record.answers, framework).filter(function (id) {
        return !Object.prototype.hasOwnProperty.call(mine.answers, id) ||
          JSON.stringify(mine.answers[id]) !== JSON.stringify(record.answers[id]);
      }).length;
    }

    /* The answers the file would change here, and those changed both here and in the file: each answer here
       and in the file, side by side, in a table a section; for each conflict, when each was changed and a
       choice of which to keep (the one changed last, to start with). Conflicts for statements no longer in this
       framework are listed by name, each with its choice. */
    function differencesList(index, mine, record) {
      var loading = transfer.preview(framework, mine, record);
      var conflicts = loading.differences.filter(function (difference) { return difference.conflict; });
      var owner = "load-" + index + "-" + mine.id;
      var box = element("div", undefined, "load-differences");
      var taken = loading.taken.filter(function (difference) { return !difference.conflict; });
      if (taken.length) {
        var changes = changesOf(taken, mine, record);
        var details = box.appendChild(element("details", undefined, "load-taken"));
        details.appendChild(element("summary", "The " + plural(count(changes), "answer", "answers") + " the file would change"));
        details.appendChild(toolkit.panels.changesTable(framework, changes, ["Here", "In the file"], "h4"));
      }
      if (conflicts.length) { box.appendChild(conflictList(owner, mine, record, conflicts)); }
      return box.childNodes.length ? box : null;
    }

    /* The differences (transfer.preview) of items in this framework, as assessments.compare gives changes: in the
       framework's order, each answer here and in the file. */
    function changesOf(differences, mine, record) {
      var ofFramework = differences.filter(function (difference) { return framework.items[difference.item]; });
      var pick = function (answers) {
        return ofFramework.reduce(function (picked, difference) { picked[difference.item] = answers[difference.item]; return picked; }, {});
      };
      return assessments.compare(pick(mine.answers), pick(record.answers), framework).map(function (change) {
        return Object.assign({}, change, { changes: change.changes.filter(function (part) { return differenceOf(ofFramework, change.item, part.part); }) });
      }).filter(function (change) { return change.changes.length; });
    }

    /* The difference a part of the comparison belongs to (a repeating form's rows are one). */
    function differenceOf(differences, id, part) {
      var changePart = toolkit.stamps.partOf(framework, id, part);
      return differences.find(function (difference) { return difference.item === id && difference.part === changePart; });
    }

    function conflictList(owner, mine, record, conflicts) {
      var details = element("details", undefined, "load-conflicts");
      details.open = true;   // each needs a choice: shown, not folded away
      details.appendChild(element("summary", "The " + plural(conflicts.length, "answer", "answers") + " changed both here and in the file"));
      var showKept = function () {   // choosing which answers to keep chooses to load into this assessment
        byId(owner).checked = true;
        byId(owner + "--hint").querySelector("p").textContent = changeText(mine, record, kept(owner), othersGiven(owner));
      };
      var inFramework = conflicts.filter(function (difference) { return framework.items[difference.item]; });
      var all = details.appendChild(element("div", undefined, "button-group"));
      [["file", "Use every answer in the file"], ["here", "Keep every answer here"]].forEach(function (pair) {
        var button = all.appendChild(element("button", pair[1], "button button--secondary"));
        button.type = "button";
        button.addEventListener("click", function () {
          details.querySelectorAll("select").forEach(function (select) { select.value = pair[0]; });
          showKept();
        });
      });
      var find = function (id, part) { return differenceOf(inFramework, id, part); };
      var shown = [];
      details.appendChild(toolkit.panels.changesTable(framework, changesOf(inFramework, mine, record), ["Here", "In the file"], "h4", {
        heading: "Keep",
        when: function (id, part) {
          var difference = find(id, part);
          return [changedText(difference.hereStamp, mine, record), changedText(difference.fileStamp, mine, record)];
        },
        control: function (id, part) {
          var difference = find(id, part);
          if (shown.indexOf(difference) >= 0) { return null; }
          shown.push(difference);
          return keepChoice(owner, difference, itemName(id) + ", " + toolkit.panels.partName(framework, id, part), showKept);
        }
      }));
      var gone = conflicts.filter(function (difference) { return !framework.items[difference.item]; });
      if (gone.length) {
        var list = details.appendChild(element("ul"));
        gone.forEach(function (difference) {
          var entry = list.appendChild(element("li"));
          entry.appendChild(element("span", itemName(difference.item), "load-conflicts__name"));
          entry.appendChild(document.createTextNode(" "));
          entry.appendChild(keepChoice(owner, difference, itemName(difference.item), showKept));
        });
      }
      return details;
    }

    /* Which of a conflict's answers to keep: the one changed last, to start with; or another (otherAnswers). */
    function keepChoice(owner, difference, name, changed) {
      var select = element("select", undefined, "field__input field__input--select");
      select.dataset.keepFor = owner;
      select.dataset.part = toolkit.stamps.nameOf(difference);
      select.setAttribute("aria-label", "Which answer to keep for: " + name);
      [["file", "The file's"], ["here", "The one here"]].concat(otherAnswers(difference).map(function (other, index) {
        return ["other-" + index, other[1], other[0]];
      })).forEach(function (choice) {
        var option = select.appendChild(element("option", choice[1]));
        option.value = choice[0];
        if (choice.length > 2) { option.dataset.answer = JSON.stringify(choice[2]); }
      });
      select.value = difference.newer;
      select.addEventListener("change", changed);
      return select;
    }

    /* The answers a person may give for a conflict instead of either copy's, as [value, words]: for a rating, the
       scale's other points; for a person's own words, both texts in one box (then tidied up after loading). */
    function otherAnswers(difference) {
      var item = framework.items[difference.item];
      if (!item) { return []; }
      var type = toolkit.types.of(item);
      if (type.isText(item, difference.part)) {
        return typeof difference.here === "string" && typeof difference.file === "string" && difference.here && difference.file
          ? [[toolkit.changes.bothTexts(difference.file, difference.here), "Both, the file's first (to tidy up after)"]] : [];
      }
      var rating = item.type === "statement" ? item.ratings.find(function (one) { return one.id === difference.part; }) : null;
      if (!rating) { return []; }
      return framework.scales[rating.scale].points.filter(function (point) {
        return point.value !== difference.here && point.value !== difference.file;
      }).map(function (point) { return [point.value, "Another: " + type.valueText(framework, item, difference.part, point.value)]; });
    }

    /* "changed by J. Smith, SENCO, 7 December 2026 at 10:42" (or without who, where neither record knows), from
       a stamp; for an answer from before stamps, "" */
    function changedText(stamp, mine, record) {
      if (!stamp) { return ""; }
      var who = toolkit.stamps.whoChanged(stamp, mine, record);
      return "changed " + (who ? "by " + who + ", " : "") + toolkit.dates.formatDateTime(new Date(toolkit.stamps.timeOf(stamp)).toISOString());
    }

    function itemName(id) {
      return framework.items[id] ? toolkit.panels.itemName(id) : id + " (no longer in this framework)";
    }

    /* The answers the person gave instead of either copy's, for one "Load it into" choice: { <name>: value }. */
    function othersGiven(owner) {
      var given = {};
      document.querySelectorAll("select[data-keep-for]").forEach(function (select) {
        var option = select.selectedOptions[0];
        if (select.dataset.keepFor === owner && option && option.dataset.answer !== undefined) {
          given[select.dataset.part] = JSON.parse(option.dataset.answer);
        }
      });
      return given;
    }

    /* The names of the conflicts whose answer here the person chose to keep, for one "Load it into" choice. */
    function kept(owner) {
      return Array.prototype.filter.call(document.querySelectorAll("select[data-keep-for]"), function (select) {
        return select.dataset.keepFor === owner && select.value === "here";
      }).map(function (select) { return select.dataset.part; });
    }

    /* What the preview showed: for each assessment in the file and each here, every answer that differs, which is
       newer, and whether it is a conflict. */
    function differencesNow() {
      return JSON.stringify(chosen.records.map(function (record) {
        return app.saved().map(function (mine) {
          return [mine.id, transfer.preview(framework, mine, record).differences.map(function (difference) {
            return [toolkit.stamps.nameOf(difference), difference.newer, difference.conflict];
          })];
        });
      }));
    }

    function confirmLoad() {
      app.flush();
      if (differencesNow() !== chosen.shown) {   // answers here changed since (in a section, or another tab)
        preview();
        showError("Answers saved here have changed since this was shown: check again what loading would change, then select “Load answers”.");
        return;
      }
      var plan = chosen.records.map(function (record, index) {
        var into = document.querySelector('input[name="load-' + index + '"]:checked').value;
        return { record: record, into: into, keep: kept("load-" + index + "-" + into), others: othersGiven("load-" + index + "-" + into) };
      });
      var done = app.load(plan, pointName());
      if (done.error) {
        showError(done.error);
        return;
      }
      var name = chosen.name;
      hidePreview();
      byId("load-file").value = "";
      say("Loaded " + name + ": " + done.words.join("; ") + ".");
    }

    /* ---- the view */

    function show() {
      var current = app.current();
      byId("download-current-name").textContent = assessments.title(current);
      byId("download-all-count").textContent = plural(app.saved().length, "assessment", "assessments");
      var marker = app.downloaded(current.id);
      byId("download-status").textContent = marker
        ? "This assessment was last downloaded " + toolkit.dates.formatWhen(marker.at, new Date()) +
          (marker.revision < current.revision ? ". It has changed since: download it again to keep your latest answers." : ", with every change since it was last changed.")
        : "This assessment has not been downloaded yet.";
      byId("save-again").hidden = !handle;
      byId("save-again-name").textContent = handle ? handle.file.name : "";
      byId("load-file").disabled = app.readOnly();
    }

    function leave() {
      showError(null);
    }

    byId("file-system").hidden = typeof window.showSaveFilePicker !== "function";
    byId("download-answers").addEventListener("click", downloadAnswers);
    byId("save-to-file").addEventListener("click", function () { saveToFile(false); });
    byId("save-again").addEventListener("click", function () { saveToFile(true); });
    byId("download-ratings-csv").addEventListener("click", function () { downloadCsv("ratings"); });
    byId("download-plan-csv").addEventListener("click", function () { downloadCsv("plan"); });
    byId("load-file").addEventListener("change", function (event) {
      if (event.target.files.length) { readChosen(event.target.files[0]); }
    });
    byId("load-confirm").addEventListener("click", confirmLoad);
    byId("files-error-text").addEventListener("click", function (event) {
      event.preventDefault();  // the fragment would change the view
      byId("load-file").focus();
    });
    byId("load-cancel").addEventListener("click", function () {
      hidePreview();
      byId("load-file").value = "";
      say("Nothing was loaded.");
    });
    var zone = byId("files");
    zone.addEventListener("dragover", function (event) {
      event.preventDefault();
      byId("drop-zone").classList.add("drop-zone--over");
    });
    zone.addEventListener("dragleave", function () { byId("drop-zone").classList.remove("drop-zone--over"); });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      byId("drop-zone").classList.remove("drop-zone--over");
      if (app.readOnly()) { return; }
      var files = event.dataTransfer && event.dataTransfer.files;
      if (files && files.length) { readChosen(files[0]); }
    });

    toolkit.views.register("files", { show: show, leave: leave });
  }

  toolkit.filesView = { create: create };
}(window.SendToolkit = window.SendToolkit || {}));
