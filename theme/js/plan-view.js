// Needs: assessments, dates, dom, messages, plan, results, types, views
/* The action plan view: one card an action, to edit on screen, and the same actions as one table
   for print. Changes go through app.js's change(), as every other answer does. */
(function (toolkit) {
  "use strict";

  var element = toolkit.dom.element;
  var byId = toolkit.dom.byId;
  var plan = toolkit.plan;
  var results = toolkit.results;

  var FIELDS = [
    { id: "target", label: "Target: what do we want to achieve?", type: "long" },
    { id: "actions", label: "Actions: what needs to be done to achieve it?", type: "long" },
    { id: "responsible", label: "Person/s responsible", type: "short" },
    { id: "resources", label: "Resources required (time, cost, materials)", type: "long" },
    { id: "evaluation", label: "Evaluation: evidence of success and impact", type: "long" },
    { id: "review", label: "Review date", type: "date" },
    { id: "completed", label: "Date completed", type: "date" }
  ];

  var shorten = toolkit.dom.shorten;
  var dateText = toolkit.dates.dayText;

  function statementName(id) {
    var number = results.statementNumber(id);
    return (number ? number + " " : "") + shorten(results.statementText(id), 90);
  }

  function create(framework, change, recordOf, isReadOnly) {
    var removed = null;       // the last action deleted, and where it was, for Undo
    var statements = Object.keys(framework.items).filter(function (id) { return framework.items[id].type === "statement"; });

    function today() {
      return plan.isoDate(new Date());
    }

    /* Say what just happened, beside the Undo when it can be undone; focus the message when asked. */
    function say(text, undo, focus) {
      toolkit.messages.say(text, "plan", { place: "plan-message-text", focus: focus });
      byId("plan-undo").hidden = !undo;
    }

    /* "In progress. Review by 1 October 2026", or "… Overdue: …"; the printed table, which has a
       review date column, leaves out "Review by". */
    function statusText(action, forTable) {
      var text = plan.statusLabel(action.status);
      if (plan.isOverdue(action, today())) {
        text += ". Overdue: the review was due on " + dateText(action.review);
      } else if (action.review && action.status !== "done" && action.status !== "dropped" && !forTable) {
        text += ". Review by " + dateText(action.review);
      }
      return text;
    }

    function field(action, spec) {
      var id = "action-" + action.id + "--" + spec.id;
      var wrap = element("div", undefined, "field");
      var label = wrap.appendChild(element("label", spec.label, "field__label"));
      label.htmlFor = id;
      var input = wrap.appendChild(element(spec.type === "long" ? "textarea" : "input", undefined, "field__input" + (spec.type === "date" ? " field__input--date" : "")));
      if (spec.type === "long") { input.rows = 3; } else { input.type = spec.type === "date" ? "date" : "text"; }
      input.id = id;
      input.value = action[spec.id] || "";
      input.dataset.field = spec.id;
      return wrap;
    }

    function statusField(action) {
      var id = "action-" + action.id + "--status";
      var wrap = element("div", undefined, "field");
      wrap.appendChild(element("label", "Status", "field__label")).htmlFor = id;
      var select = wrap.appendChild(element("select", undefined, "field__input field__input--select"));
      select.id = id;
      select.dataset.field = "status";
      plan.STATUSES.forEach(function (status) {
        var option = select.appendChild(element("option", status.label));
        option.value = status.value;
      });
      select.value = action.status || "not-started";
      return wrap;
    }

    function linkedStatements(action) {
      var wrap = element("div", undefined, "action__statements");
      var heading = wrap.appendChild(element("p", "Linked statements", "action__label"));
      heading.id = "action-" + action.id + "--linked";
      if (!action.statements.length) {
        wrap.appendChild(element("p", "No statement is linked to this action yet."));
      } else {
        var linked = wrap.appendChild(element("ul", undefined, "action__linked"));
        linked.setAttribute("aria-labelledby", heading.id);
        action.statements.forEach(function (statement) {
          var entry = linked.appendChild(element("li"));
          entry.appendChild(results.statementLink(statement));
          var unlink = entry.appendChild(element("button", "Unlink", "button button--link"));
          unlink.type = "button";
          unlink.dataset.unlink = statement;
          named(unlink, "Unlink statement " + (results.statementNumber(statement) || statementName(statement)) + " from action ");
        });
      }
      var free = statements.filter(function (statement) { return action.statements.indexOf(statement) < 0; });
      if (free.length) {
        var chooser = wrap.appendChild(element("div", undefined, "field field--inline"));
        var id = "action-" + action.id + "--link";
        chooser.appendChild(element("label", "Link a statement", "field__label")).htmlFor = id;
        var select = chooser.appendChild(element("select", undefined, "field__input field__input--select action__choose"));
        select.id = id;
        select.appendChild(element("option", statementName(free[0]))).value = free[0];   // the rest when it is used
        var button = chooser.appendChild(element("button", "Link", "button button--secondary"));
        button.type = "button";
        button.dataset.link = action.id;
        named(button, "Link this statement to action ");
      }
      return wrap;
    }

    /* A card's button is named for screen readers by its words and the action's number, which renumber() adds and
       keeps true ("Move up action 3"). An aria-label, not visually hidden words as elsewhere: each of those is a
       positioned, clipped box, and 2,000 of them at 500 actions made every mouse event's hit test 26 ms at 4x CPU. */
    function named(node, words) {
      node.dataset.words = words;
    }

    /* A card's "Link a statement" list holds only its first statement until it is first used (focused, or pressed
       on): then every statement not yet linked, by section. Hundreds of cards each listing every statement took
       seconds to lay out (200 actions of seed 001: 4.3 s of 4.7 s at 4x CPU). */
    function fillChooser(select) {
      if (select.dataset.filled) { return; }
      var action = plan.find(recordOf(), select.closest("[data-action]").dataset.action);
      var chosen = select.value;
      select.textContent = "";
      framework.sections.forEach(function (section) {
        var inSection = statements.filter(function (statement) {
          return framework.sectionOf[statement] === section && action.statements.indexOf(statement) < 0;
        });
        if (!inSection.length) { return; }
        var group = select.appendChild(element("optgroup"));
        group.label = results.sectionTitle(section.id);
        inSection.forEach(function (statement) {
          group.appendChild(element("option", statementName(statement))).value = statement;
        });
      });
      select.value = chosen;
      select.dataset.filled = "yes";
    }

    function button(text, data, kind) {
      var node = element("button", text, "button button--" + (kind || "secondary"));
      node.type = "button";
      named(node, text + " action ");
      Object.keys(data).forEach(function (key) { node.dataset[key] = data[key]; });
      return node;
    }

    function card(action, index, count) {
      var item = element("li", undefined, "action" + (plan.isOverdue(action, today()) ? " action--overdue" : ""));
      item.id = "action-" + action.id;
      item.dataset.action = action.id;
      var title = item.appendChild(element("h3", "Action ", "action__title"));
      title.id = "action-" + action.id + "--title";
      title.appendChild(element("span", undefined, "action__number"));
      item.appendChild(element("p", statusText(action), "action__status"));
      item.appendChild(linkedStatements(action));
      FIELDS.slice(0, 5).forEach(function (spec) { item.appendChild(field(action, spec)); });
      var dates = item.appendChild(element("div", undefined, "action__dates"));
      FIELDS.slice(5).forEach(function (spec) { dates.appendChild(field(action, spec)); });
      dates.appendChild(statusField(action));
      var buttons = item.appendChild(element("div", undefined, "button-group"));
      buttons.appendChild(button("Move up", { move: "-1" }));
      buttons.appendChild(button("Move down", { move: "1" }));
      buttons.appendChild(button("Delete", { remove: action.id }, "warning"));
      renumber(item, index, count);
      return item;
    }

    var placed = new WeakMap();   // card -> where it was last put: its number, whether first or last, read-only or not

    /* A card's number, wherever it is said, and whether it can move up or down. Only a card whose place changed is
       touched: at 500 actions, looking into every card took 7 ms of each change at 4x CPU. */
    function renumber(item, index, count) {
      var number = String(index + 1);
      var place = [number, index === 0, index === count - 1, isReadOnly()].join();
      if (placed.get(item) === place) { return; }
      placed.set(item, place);
      item.querySelector(".action__number").textContent = number;
      item.querySelectorAll("[data-words]").forEach(function (node) { node.setAttribute("aria-label", node.dataset.words + number); });
      item.querySelector("[data-move='-1']").disabled = isReadOnly() || index === 0;
      item.querySelector("[data-move='1']").disabled = isReadOnly() || index === count - 1;
    }

    /* The plan as rows of text, one an action, in the columns of the printed table. */
    function tableRows(record) {
      return plan.actionsOf(record).map(function (action, index) {
        return [String(index + 1), action.statements.map(function (statement) {
          var number = results.statementNumber(statement);
          return (number ? number + " " : "") + results.statementText(statement);
        }).join("\n") || "None linked"].concat(["target", "actions", "responsible", "resources", "evaluation"].map(function (name) {
          return action[name] || "";
        }), [dateText(action.review), statusText(action, true), dateText(action.completed)]);
      });
    }

    function showTable(record) {
      var body = byId("plan-table").tBodies[0];
      body.textContent = "";
      tableRows(record).forEach(function (cells, index) {
        var action = plan.actionsOf(record)[index];
        var row = body.appendChild(element("tr", undefined, plan.isOverdue(action, today()) ? "plan-table__overdue" : ""));
        row.appendChild(element("th", cells[0])).setAttribute("scope", "row");
        cells.slice(1).forEach(function (text) { row.appendChild(element("td", text)); });
      });
      byId("plan-table-caption").textContent = "Action plan: " + toolkit.assessments.title(record);
    }

    /* Notes and actions written in the sections (items marked plan: true), shown again here. */
    function showNotes(record) {
      var notes = byId("plan-notes");
      notes.textContent = "";
      framework.sections.forEach(function (section) {
        var given = section.items.filter(function (item) {
          return item.plan && toolkit.types.isStarted(item, record.answers[item.id]);
        });
        if (!given.length) { return; }
        if (!notes.childNodes.length) { notes.appendChild(element("h3", "Notes and actions written in the sections")); }
        var block = notes.appendChild(element("div", undefined, "plan-notes__section"));
        var heading = block.appendChild(element("h4"));
        var link = heading.appendChild(element("a", results.sectionTitle(section.id)));
        link.href = "#" + section.id;
        given.forEach(function (item) {
          var note = toolkit.types.of(item).planNote(framework, item, record.answers[item.id]);
          if (note.rows) {
            block.appendChild(results.table(note.title, note.headings, note.rows));
          } else {
            block.appendChild(element("p", note.label, "plan-notes__label"));
            block.appendChild(element("p", note.text, "plan-notes__text"));
          }
        });
      });
    }

    var drawn = new WeakMap();   // card -> what it was made from: its action as JSON, read-only or not, and the day

    function made(action) {
      return JSON.stringify([action, isReadOnly(), today()]);
    }

    /* A card changed in place (typing, a status or date chosen) still shows its action: it need not be made again. */
    function remember(item) {
      drawn.set(item, made(plan.find(recordOf(), item.dataset.action)));
    }

    /* Bring the cards in line with the record's actions. A card stays while its action and read-only state are as
       they were when it was made, and is only renumbered: a change to one action of hundreds makes one card, not
       all of them (at 500 actions, each redraw took 13 s at 4x CPU when every card was made again). */
    function drawCards(actions, readOnly) {
      var list = byId("action-list");
      var cards = Object.create(null);
      actions.forEach(function (action) { cards[action.id] = null; });
      // the deleted go first: left in place, each card after one would be moved along it
      Array.prototype.slice.call(list.children).forEach(function (item) {
        if (item.dataset.action in cards) { cards[item.dataset.action] = item; } else { list.removeChild(item); }
      });
      actions.forEach(function (action, index) {
        var item = cards[action.id];
        if (!item || drawn.get(item) !== made(action)) {
          var fresh = card(action, index, actions.length);
          fresh.querySelectorAll("input, textarea, select, button").forEach(function (control) { control.disabled = control.disabled || readOnly; });
          drawn.set(fresh, made(action));
          if (item) { list.replaceChild(fresh, item); }
          item = fresh;
        }
        if (list.children[index] !== item) { list.insertBefore(item, list.children[index] || null); }
        renumber(item, index, actions.length);
      });
    }

    /* The plan, all of it at once: as the view shows, and before printing. */
    function show(record) {
      showCards(record);
      showTable(record);
      showNotes(record);
    }

    function showCards(record) {
      var readOnly = isReadOnly();
      var actions = plan.actionsOf(record);
      drawCards(actions, readOnly);
      byId("add-action").disabled = readOnly;
      byId("plan-empty").hidden = actions.length > 0;
    }

    /* After a change to the plan: its cards at once, and the printed table, which the screen does not show, once the
       frame showing them is drawn (at 500 actions the table is 5,000 cells, 28 ms at 4x CPU). Printing draws the
       table again first (show), so it never prints one left behind. */
    function redraw() {
      showCards(recordOf());
      showTableSoon();
    }

    function showTableSoon() {
      window.requestAnimationFrame(function () {
        window.setTimeout(function () { showTable(recordOf()); }, 0);
      });
    }

    function focusField(id, field) {
      var target = byId("action-" + id + "--" + field);
      target.focus();
    }

    /* Add an action, linked to the statements given, with fields given; returns its id, or null when the plan holds
       the most actions it may (toolkit.assessments.full says why). */
    function addAction(linked, fields) {
      if (toolkit.assessments.full(recordOf(), "actions")) { return null; }
      var action = plan.create(linked, fields, new Date());
      change(function (record) { plan.add(record, action); }, false);
      redraw();
      return action.id;
    }

    var view = byId("plan");

    ["focusin", "pointerdown"].forEach(function (type) {
      view.addEventListener(type, function (event) {
        if (event.target.classList && event.target.classList.contains("action__choose")) { fillChooser(event.target); }
      });
    });

    view.addEventListener("input", function (event) {
      var target = event.target;
      var card_ = target.closest("[data-action]");
      if (!card_ || !target.dataset.field || target.tagName === "SELECT" || target.type === "date") { return; }
      var id = card_.dataset.action;
      change(function (record) { plan.update(record, id, target.dataset.field, target.value); }, true);
      remember(card_);
    });

    view.addEventListener("change", function (event) {
      var target = event.target;
      var card_ = target.closest("[data-action]");
      if (!card_ || !target.dataset.field || (target.tagName !== "SELECT" && target.type !== "date")) { return; }
      var id = card_.dataset.action;
      change(function (record) { plan.update(record, id, target.dataset.field, target.value); }, false);
      var action = plan.find(recordOf(), id);
      card_.querySelector(".action__status").textContent = statusText(action);
      card_.classList.toggle("action--overdue", plan.isOverdue(action, today()));
      remember(card_);
      showTableSoon();
    });

    view.addEventListener("click", function (event) {
      var target = event.target.closest("button");
      if (!target) { return; }
      var card_ = target.closest("[data-action]");
      var id = card_ && card_.dataset.action;
      var record = recordOf();
      if (target.id === "add-action") {
        var added = addAction([], {});
        if (!added) {
          say(toolkit.assessments.full(record, "actions"), false, true);
          return;
        }
        say("Action " + plan.actionsOf(recordOf()).length + " added.", false);
        focusField(added, "target");   // after the message, so that the page is laid out once
      } else if (target.id === "plan-undo" && removed) {
        var back = removed;
        removed = null;
        change(function (r) { plan.add(r, back.action, back.index); }, false);
        redraw();
        say("Action " + (back.index + 1) + " is back in the plan.", false);
        focusField(back.action.id, "target");
      } else if (target.dataset.move) {
        var index = plan.actionsOf(record).indexOf(plan.find(record, id)) + Number(target.dataset.move);
        change(function (r) { plan.move(r, id, index); }, false);
        redraw();
        var count = plan.actionsOf(recordOf()).length;
        var moved = byId("action-" + id).querySelectorAll("[data-move]");
        var same = moved[target.dataset.move === "-1" ? 0 : 1];
        (same.disabled ? moved[target.dataset.move === "-1" ? 1 : 0] : same).focus();
        say("Action moved to position " + (index + 1) + " of " + count + ".", false);
      } else if (target.dataset.remove) {
        var action = plan.find(record, id);
        removed = { action: JSON.parse(JSON.stringify(action)), index: plan.actionsOf(record).indexOf(action) };
        change(function (r) { plan.remove(r, id); }, false);
        redraw();
        say("Deleted action " + (removed.index + 1) + (action.target ? " (" + shorten(action.target, 60) + ")" : "") + ".", true, true);
      } else if (target.dataset.link) {
        var statement = byId("action-" + id + "--link").value;
        change(function (r) { plan.link(r, id, statement); }, false);
        redraw();
        say("Statement " + statementName(statement) + " linked to action " + (plan.actionsOf(recordOf()).indexOf(plan.find(recordOf(), id)) + 1) + ".", false);
        var chooser = byId("action-" + id + "--link");
        (chooser || byId("action-" + id + "--target")).focus();
      } else if (target.dataset.unlink) {
        var gone = target.dataset.unlink;
        change(function (r) { plan.unlink(r, id, gone); }, false);
        redraw();
        say("Statement " + statementName(gone) + " unlinked from action " + (plan.actionsOf(recordOf()).indexOf(plan.find(recordOf(), id)) + 1) + ".", false);
        byId("action-" + id + "--link").focus();
      }
    });

    toolkit.views.register("plan", {
      show: function (where, page) { show(page.record()); },
      /* Leaving the plan forgets the Undo (and messages.js its last message). */
      leave: function () {
        removed = null;
        byId("plan-undo").hidden = true;
      }
    });

    return {
      show: show,
      addAction: addAction,
      /* The plan as a spreadsheet: the printed table's headings, then its rows. */
      rows: function (record) {
        var headings = Array.prototype.map.call(byId("plan-table").tHead.rows[0].cells, function (th) { return th.textContent.trim(); });
        return [headings].concat(tableRows(record));
      }
    };
  }

  toolkit.planView = { create: create };
}(window.SendToolkit = window.SendToolkit || {}));
