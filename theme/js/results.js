// Needs: answers, assessments, charts, dates, dom, plan, scoring, types, views
/* Results: the summary and priorities views and the printed report's cover, drawn from an
   assessment's answers with scoring.js and charts.js. Names of sections, statements and ratings come
   from the page; anything the user typed is set as text only. */
(function (toolkit) {
  "use strict";

  var element = toolkit.dom.element;
  var byId = toolkit.dom.byId;
  var plural = toolkit.dom.plural;
  var scoring = toolkit.scoring;

  /* ---- names from the page

     Section titles, statement headings and rating legends never change once the page has loaded, so
     each is read from the page once and kept: a summary of 1,000 statements names each of them
     several times. */

  /* read(id, ...), read from the page once for each id and kept (no inherited names: an id may be "constructor"). */
  function readOnce(read) {
    var kept = Object.create(null);
    return function (id) {
      if (!(id in kept)) { kept[id] = read.apply(null, arguments); }
      return kept[id];
    };
  }

  var sectionTitle = readOnce(function (id) {
    return byId(id + "-title").textContent.trim();
  });

  /* A statement's number and words from its heading: { number, text }, or null when the page has no such statement. */
  var statementName = readOnce(function (id) {
    var heading = byId(id + "-text");
    var number = heading && heading.querySelector(".statement__number");
    return heading ? {
      number: number ? number.textContent.trim() : "",
      text: heading.textContent.slice(number ? number.textContent.length : 0).trim()
    } : null;
  });

  function statementNumber(id) {
    var name = statementName(id);
    return name ? name.number : "";
  }

  /* A statement's words without its number (an action may link a statement no longer in the framework). */
  function statementText(id) {
    var name = statementName(id);
    return name ? name.text : id + " (no longer in this framework)";
  }

  /* A statement as a link to it: "1.2 The SENCO is…". */
  function statementLink(id) {
    var link = element("a", (statementNumber(id) ? statementNumber(id) + " " : "") + statementText(id));
    link.href = "#" + encodeURIComponent(id);
    return link;
  }

  /* A rating's name, from the legend of the first statement that asks it. */
  var ratingLabel = readOnce(function (ratingId, framework) {
    var statement = Object.keys(framework.items).map(function (id) { return framework.items[id]; })
      .find(function (item) { return item.type === "statement" && item.ratings.some(function (r) { return r.id === ratingId; }); });
    return toolkit.types.of(statement).ratingLabel(statement.id, ratingId);
  });

  function pointLabel(scale, value) {
    var point = toolkit.answers.pointFor(scale, value);
    return scoring.isNumeric(scale) ? String(value) : (point.label || String(value));
  }

  function list(parts) {
    return parts.length > 1 ? parts.slice(0, -1).join(", ") + " and " + parts[parts.length - 1] : parts.join("");
  }

  /* ---- tables */

  function table(caption, headings, rows) {
    var wrap = element("div", undefined, "table-scroll");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", caption);
    wrap.tabIndex = 0;      // a wide table scrolls sideways by keyboard on a narrow screen
    var result = wrap.appendChild(element("table", undefined, "table table--figures"));
    result.appendChild(element("caption", caption, "table__caption"));
    var head = result.appendChild(element("thead")).appendChild(element("tr"));
    headings.forEach(function (text) { head.appendChild(element("th", text)).setAttribute("scope", "col"); });
    var body = result.appendChild(element("tbody"));
    var empty = Object.create(null);   // cells in a row -> an empty row of them, copied for each row (quicker than making each cell)
    rows.forEach(function (cells) {
      if (!empty[cells.length]) { empty[cells.length] = emptyRow(cells.length); }
      var row = body.appendChild(empty[cells.length].cloneNode(true));
      cells.forEach(function (cell, index) {
        var node = row.cells[index];
        if (cell instanceof Node) { node.appendChild(cell); } else { node.textContent = String(cell); }
      });
    });
    return wrap;
  }

  function emptyRow(cells) {
    var row = element("tr");
    row.appendChild(element("th")).setAttribute("scope", "row");
    for (var index = 1; index < cells; index += 1) { row.appendChild(element("td")); }
    return row;
  }

  function figure(heading, sentence, chart, tableNode) {
    var block = element("div", undefined, "result-block");
    block.appendChild(element("h3", heading));
    block.appendChild(element("p", sentence, "result-block__sentence"));
    var holder = block.appendChild(element("figure", undefined, "chart-figure"));
    holder.setAttribute("role", "region");      // scrolls sideways on a narrow screen, so it takes focus
    holder.setAttribute("aria-label", "Chart: " + heading);
    holder.tabIndex = 0;
    holder.appendChild(chart);
    block.appendChild(tableNode);
    return block;
  }

  /* ---- summary */

  function numericBlock(framework, summary, ratings) {
    var names = ratings.map(function (rating) { return ratingLabel(rating.rating, framework); });
    var scale = ratings[0].scale;
    var max = Math.max.apply(null, scale.points.map(function (p) { return p.value; }));
    var shown = summary.sections.filter(function (section) {
      return section.ratings.some(function (r) { return r.numeric; });
    });
    var rows = shown.map(function (section) {
      return { label: sectionTitle(section.id), bars: section.ratings.filter(function (r) { return r.numeric; }).map(function (r, index) {
        return { value: r.average || 0, kind: index ? "target" : "now", texture: index, text: r.average === null ? "no ratings yet" : String(r.average) };
      }) };
    });
    var chart = toolkit.charts.bars(rows, { max: max, key: names.map(function (name, index) {
      return { label: "Average: " + name, kind: index ? "target" : "now", texture: index };
    }) }, "Average ratings by section");
    var headings = ["Section"];
    names.forEach(function (name) { headings.push("Average: " + name, "Rated", "Not applicable", "Not rated"); });
    var tableRows = shown.map(function (section) {
      var cells = [sectionTitle(section.id)];
      section.ratings.filter(function (r) { return r.numeric; }).forEach(function (r) {
        cells.push(r.average === null ? "–" : r.average, r.rated, r.notApplicable, r.notRated);
      });
      return cells;
    });
    var overall = ratings.map(function (r, index) { return names[index] + " " + (r.average === null ? "not rated yet" : "averages " + r.average); });
    var withGap = shown.map(function (section) {
      var pair = section.ratings.filter(function (r) { return r.numeric; });
      return { id: section.id, gap: pair.length === 2 && pair[0].average !== null && pair[1].average !== null ? pair[1].average - pair[0].average : null };
    }).filter(function (s) { return s.gap !== null; }).sort(function (a, b) { return b.gap - a.gap; });
    var sentence = "Across the framework, " + list(overall) + " (not applicable and unrated statements left out)." +
      (withGap.length ? " The biggest gap is in " + sectionTitle(withGap[0].id) + " (" + Math.round(withGap[0].gap * 10) / 10 + ")." : "");
    return figure("Average ratings by section", sentence, chart, table("Average ratings by section", headings, tableRows));
  }

  function namedBlock(framework, summary, overall) {
    var label = ratingLabel(overall.rating, framework);
    var points = overall.scale.points.filter(function (p) { return !p.not_applicable; });
    var shown = summary.sections.map(function (section) {
      return { id: section.id, tally: section.ratings.find(function (r) { return r.rating === overall.rating && r.scale === overall.scale; }) };
    }).filter(function (s) { return s.tally; });
    var rows = shown.map(function (s) {
      return { label: sectionTitle(s.id), bars: points.map(function (p, index) {
        return { value: s.tally.counts[p.value], kind: "point-" + p.value, texture: index };
      }).concat([{ value: s.tally.notRated, kind: "unrated", texture: 0 }]) };
    });
    var key = points.map(function (p, index) { return { label: p.label || String(p.value), kind: "point-" + p.value, texture: index }; })
      .concat([{ label: "Not rated", kind: "unrated", texture: 0 }]);
    var heading = "By section: " + label;
    var chart = toolkit.charts.bars(rows, { stacked: true, key: key }, heading);
    var hasNotApplicable = overall.scale.points.some(function (p) { return p.not_applicable; });
    var headings = ["Section"].concat(points.map(function (p) { return p.label || String(p.value); }),
                                      hasNotApplicable ? ["Not applicable", "Not rated"] : ["Not rated"]);
    var tableRows = shown.map(function (s) {
      return [sectionTitle(s.id)].concat(points.map(function (p) { return s.tally.counts[p.value]; }),
                                         hasNotApplicable ? [s.tally.notApplicable, s.tally.notRated] : [s.tally.notRated]);
    });
    var parts = points.map(function (p) { return overall.counts[p.value] + " " + (p.label || p.value); });
    var sentence = "Of " + plural(overall.statements, "statement", "statements") + " with this rating, " + list(parts) +
      (overall.notApplicable ? ", " + overall.notApplicable + " not applicable" : "") + "; " + overall.notRated + " not rated yet.";
    return figure(heading, sentence, chart, table(heading, headings, tableRows));
  }

  function progressBlock(framework, summary) {
    var rows = summary.sections.map(function (section) {
      return { label: sectionTitle(section.id), bars: [
        { value: section.progress.done, kind: "done", texture: 0 },
        { value: section.progress.total - section.progress.done, kind: "unrated", texture: 0 }] };
    });
    var chart = toolkit.charts.bars(rows, { stacked: true, key: [{ label: "Done", kind: "done", texture: 0 }, { label: "Not yet", kind: "unrated", texture: 0 }] }, "Progress by section");
    var done = summary.sections.reduce(function (n, s) { return n + s.progress.done; }, 0);
    var total = summary.sections.reduce(function (n, s) { return n + s.progress.total; }, 0);
    var complete = summary.sections.filter(function (s) { return s.progress.status === "completed"; }).length;
    var statuses = { "not-started": "Not started", "in-progress": "In progress", completed: "Completed" };
    var tableRows = summary.sections.map(function (s) {
      return [sectionTitle(s.id), s.progress.done + " of " + s.progress.total + " " + s.progress.verb, statuses[s.progress.status], s.withoutEvidence];
    });
    var sentence = done + " of " + total + " statements and questions are rated or answered, and " +
      plural(complete, "section is", "sections are") + " marked completed.";
    return figure("Progress by section", sentence, chart,
                  table("Progress by section", ["Section", "Progress", "Status", "Rated without evidence"], tableRows));
  }

  function profileBlock(framework, answers) {
    var dots = scoring.profile(framework, answers);
    if (!dots.length) { return null; }
    var statement = framework.items[dots[0].item];
    var scale = framework.scales[statement.ratings[0].scale];
    var values = scale.points.filter(function (p) { return !p.not_applicable; }).map(function (p) { return p.value; });
    var names = { now: ratingLabel(statement.ratings[0].id, framework), target: ratingLabel(statement.ratings[1].id, framework) };
    var place = Object.create(null);      // section id -> its number, from 1
    framework.sections.forEach(function (section, index) { place[section.id] = index + 1; });
    var labels = dots.map(function (dot, index) {
      var number = statementNumber(dot.item);
      return number ? place[dot.section] + "." + number : String(index + 1);
    });
    var chart = toolkit.charts.profile(dots.map(function (dot, index) {
      return { label: labels[index], now: dot.now, target: dot.target, first: !index || dots[index - 1].section !== dot.section };
    }), { min: Math.min.apply(null, values), max: Math.max.apply(null, values) }, names,
    "Join the dots: " + names.now + " and " + names.target + ", statement by statement");
    var both = dots.filter(function (dot) { return dot.now !== null && dot.target !== null; }).length;
    var sentence = "Statements run down the side and the scale across: circles joined by a solid line are “" + names.now +
      "”, squares joined by a dashed line are “" + names.target + "”. " + both + " of " + dots.length +
      " statements have both; the others are missed out, as the paper form says.";
    var rows = dots.map(function (dot, index) {
      return [labels[index], statementText(dot.item), dot.now === null ? "–" : dot.now, dot.target === null ? "–" : dot.target];
    });
    var details = element("details", undefined, "figures-details");
    details.appendChild(element("summary", "The profile as a table"));
    details.appendChild(table("Join the dots profile", ["Number", "Statement", names.now, names.target], rows));
    return figure("Join the dots profile", sentence, chart, details);
  }

  function dutiesBlock(framework, answers) {
    var statutory = Object.keys(framework.items).filter(function (id) { return framework.items[id].statutory; });
    if (!statutory.length) { return null; }
    var unmet = scoring.priorities(framework, answers).filter(function (p) { return p.group === "duty"; });
    var unrated = statutory.filter(function (id) { return !toolkit.scoring.isRated(framework.items[id], answers[id]); }).length;
    var block = element("div", undefined, "result-block result-block--duties");
    block.appendChild(element("h3", "Statutory duties not yet met"));
    if (!unmet.length) {
      block.appendChild(element("p", "No statutory duty is rated as not met or partly met."));
    } else {
      var items = block.appendChild(element("ul", undefined, "duty-list"));
      unmet.forEach(function (priority) {
        var entry = items.appendChild(element("li"));
        entry.appendChild(element("strong", reason(framework, priority) + ": "));
        entry.appendChild(statementLink(priority.item));
      });
    }
    if (unrated) { block.appendChild(element("p", plural(unrated, "statutory duty is", "statutory duties are") + " not rated yet.")); }
    return block;
  }

  /* The record as the summary and priorities read it: without answers that no longer fit their items. */
  function fitted(framework, record) {
    return Object.assign({}, record, { answers: toolkit.assessments.fitting(record.answers, framework) });
  }

  function showSummary(framework, saved) {
    var record = fitted(framework, saved);
    var summary = scoring.summarise(framework, record.answers, record.completed);
    var rated = summary.sections.reduce(function (n, s) { return n + (s.progress.verb === "rated" ? s.progress.done : 0); }, 0);
    var statements = summary.overall.ratings.length ? Object.keys(framework.items).filter(function (id) {
      return framework.items[id].type === "statement" && framework.items[id].ratings.length;
    }).length : 0;
    byId("summary-intro").textContent = toolkit.assessments.title(record) + ": " +
      (statements ? rated + " of " + plural(statements, "statement", "statements") + " rated" +
        (summary.overall.withoutEvidence ? ", " + summary.overall.withoutEvidence + " of them without evidence yet." : ".")
        : "this framework asks questions rather than ratings, so its summary is the progress of each section.");
    showModeration(saved);
    replace(byId("summary-duties"), [dutiesBlock(framework, record.answers)]);
    replace(byId("summary-profile"), [profileBlock(framework, record.answers)]);
    var numeric = summary.overall.ratings.filter(function (r) { return r.numeric; });
    var blocks = [progressBlock(framework, summary)];
    if (numeric.length) { blocks.push(numericBlock(framework, summary, numeric)); }
    summary.overall.ratings.filter(function (r) { return !r.numeric; }).forEach(function (overall) {
      blocks.push(namedBlock(framework, summary, overall));
    });
    replace(byId("summary-sections"), blocks);
  }

  function replace(container, nodes) {
    container.textContent = "";
    nodes.forEach(function (node) { if (node) { container.appendChild(node); } });
  }

  /* ---- priorities */

  /* Why a statement is a priority, in words: "Not met", "Red", "Now 3, target 8: a gap of 5". */
  function reason(framework, priority) {
    if (priority.worst) {
      var scale = framework.scales[framework.items[priority.item].ratings.find(function (r) { return r.id === priority.worst.rating; }).scale];
      return pointLabel(scale, priority.worst.point);
    }
    return "Now " + priority.gap.now + ", target " + priority.gap.target + ": a gap of " + priority.gap.gap;
  }

  /* A first target for an action made from a priority, for the school to put in its own words:
     "Move from 3 to 8 on this statement", "Move from Red to Green", "Meet this duty in full (now: Partly met)". */
  function suggestedTarget(framework, record, statement) {
    var priority = scoring.priorities(framework, fitted(framework, record).answers).find(function (p) { return p.item === statement; });
    if (!priority) { return ""; }
    if (!priority.worst) { return "Move from " + priority.gap.now + " to " + priority.gap.target + " on this statement"; }
    var scale = framework.scales[framework.items[statement].ratings.find(function (r) { return r.id === priority.worst.rating; }).scale];
    var now = pointLabel(scale, priority.worst.point);
    if (framework.items[statement].statutory && scale.points.some(function (p) { return p.meets_duty; })) {
      return "Meet this duty in full (now: " + now + ")";   // a duty in law; the same scale on another statement is not one
    }
    var best = scale.points.filter(function (p) { return !p.not_applicable; }).slice(-1)[0];
    return "Move from " + now + " to " + (best.label || best.value);
  }

  function showPriorities(framework, record, readOnly) {
    var rule = scoring.ruleOf(framework, function (id) { return ratingLabel(id, framework); });
    var ruleList = byId("priority-rule");
    ruleList.textContent = "";
    rule.forEach(function (sentence) { ruleList.appendChild(element("li", sentence)); });
    byId("priority-rule-title").hidden = !rule.length;
    var found = rule.length ? scoring.priorities(framework, fitted(framework, record).answers) : [];
    byId("priorities-empty").textContent = !rule.length ?
      "This framework has no ratings, so there are no priorities to rank. Write your actions in the action plan." :
      (found.length ? "" : "Nothing is a priority yet: rate statements and set targets, and the priorities appear here.");
    var listNode = byId("priority-list");
    listNode.textContent = "";
    found.forEach(function (priority, index) {
      var entry = listNode.appendChild(element("li", undefined, "priority priority--" + priority.group));
      var head = entry.appendChild(element("p", undefined, "priority__statement"));
      head.appendChild(statementLink(priority.item));
      var facts = entry.appendChild(element("p", undefined, "priority__facts"));
      facts.appendChild(element("span", (priority.group === "duty" ? "Statutory duty: " : "") + reason(framework, priority), "tag tag--" + priority.group));
      facts.appendChild(document.createTextNode(" " + sectionTitle(priority.section)));
      if (priority.noEvidence) {
        facts.appendChild(document.createTextNode(" "));
        facts.appendChild(element("span", "No evidence yet", "tag tag--warning"));
      }
      var planned = toolkit.plan.actionFor(record, priority.item);
      if (planned) {
        var link = entry.appendChild(element("p", undefined, "priority__planned")).appendChild(
          element("a", "In the action plan: action " + (record.actions.indexOf(planned) + 1)));
        link.href = "#action-" + encodeURIComponent(planned.id);
      } else if (!readOnly) {
        var button = entry.appendChild(element("button", "Add to action plan", "button button--secondary"));
        button.type = "button";
        button.dataset.addAction = priority.item;
        button.setAttribute("aria-describedby", "priority-" + index);
        head.id = "priority-" + index;
      }
    });
  }

  /* Whether the judgements are moderated: who signed them off and when; that an agreed assessment is not signed
     off yet; and, where the framework asks for moderation (its words in #summary-moderation), that it is not done. */
  function showModeration(record) {
    var signed = toolkit.assessments.moderatedText(record);
    var moderated = byId("summary-moderated");
    moderated.hidden = !record.moderation;
    moderated.textContent = record.moderation ? (signed ||
      "These are agreed judgements, not yet signed off by who moderated them (Compare raters' judgements, under Your assessments)") + "." : "";
    var asked = byId("summary-moderation");
    if (!asked) { return; }
    asked.hidden = Boolean(record.moderation);
    byId("summary-moderation-state").textContent = "These judgements are not moderated yet: when each person has rated, put their " +
      "judgements side by side and agree them (Compare raters' judgements, under Your assessments).";
  }

  /* ---- the printed report's cover */

  function fillCover(framework, record, document_) {
    var kinds = { report: "Self-evaluation report", plan: "Action plan", blank: "Blank copy for a meeting", moderation: "Moderation record" };
    byId("cover-kind").textContent = kinds[document_];
    var blank = document_ === "blank";
    byId("cover-setting").textContent = blank ? "" : record.setting || "Not given";
    byId("cover-period").textContent = blank ? "" : record.period || "Not given";
    var participants = blank ? [] : [record.participants || ""].concat(participantRows(framework, record)).filter(Boolean);
    byId("cover-participants").textContent = participants.join("\n") || (blank ? "" : "Not given");
    showIfGiven("cover-rater", blank ? "" : toolkit.assessments.raterText(record));
    var asked = byId("cover-moderated").hasAttribute("data-asked");   // the framework asks for moderation
    showIfGiven("cover-moderated", blank ? "" : toolkit.assessments.moderatedText(record) || (asked ? "Not moderated yet" : ""));
    byId("cover-printed").textContent = toolkit.dates.formatDate(new Date().toISOString());
  }

  /* A line of the cover shown only when there are words for it: its term and its description (class name = id). */
  function showIfGiven(id, text) {
    byId(id).textContent = text;
    document.querySelectorAll("." + id).forEach(function (part) { part.hidden = !text; });
  }

  /* The rows of a repeating form called "participants", as "Role, Name, Date" lines: those saved, else (no
     answer, or one with no rows part, as the form shows it) the preset rows. */
  function participantRows(framework, record) {
    var form = framework.items.participants;
    var answer = record.answers.participants;
    if (!form || form.type !== "form" || !form.repeat) { return []; }
    var rows = answer && answer.rows ? answer.rows : toolkit.answers.defaultRows(form);
    return rows.map(function (row) {
      return form.fields.map(function (field) { return row[field.id] || ""; }).filter(Boolean).join(", ");
    }).filter(function (line) { return line.indexOf(",") >= 0; });
  }

  toolkit.views.register("summary", { show: function (where, page) { showSummary(page.framework, page.record()); } });
  toolkit.views.register("priorities", { show: function (where, page) { showPriorities(page.framework, page.record(), page.readOnly()); } });

  toolkit.results = {
    showSummary: showSummary,
    showPriorities: showPriorities,
    fillCover: fillCover,
    suggestedTarget: suggestedTarget,
    statementLink: statementLink,
    statementNumber: statementNumber,
    statementText: statementText,
    sectionTitle: sectionTitle,
    table: table
  };
}(window.SendToolkit = window.SendToolkit || {}));
