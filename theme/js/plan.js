// Needs: assessments
/* The action plan: pure functions over an assessment's actions. No DOM here.

   record.actions = [{ id, statements: [statement id], target, actions, responsible, resources,
                       evaluation, completed, review, status }], in the order the school put them.
   The columns are those of seed 002's action plan, plus a review date and a status. Dates are
   "YYYY-MM-DD", as a date field gives them. Every change is a function of the record that can be
   applied again to another tab's newer copy without doing it twice. */
(function (toolkit) {
  "use strict";

  var TEXT_FIELDS = ["target", "actions", "responsible", "resources", "evaluation", "completed", "review"];
  var WORDS = ["target", "actions", "responsible", "resources", "evaluation"];   // the fields written in words, not dates
  var STATUSES = [
    { value: "not-started", label: "Not started" },
    { value: "in-progress", label: "In progress" },
    { value: "done", label: "Done" },
    { value: "dropped", label: "Dropped" }
  ];

  function actionsOf(record) {
    if (!Array.isArray(record.actions)) { record.actions = []; }
    return record.actions;
  }

  /* A new action, linked to the given statements, with any fields given. */
  function create(statements, fields, now) {
    var action = { id: toolkit.assessments.newId("p", now), statements: statements.slice(), status: "not-started" };
    TEXT_FIELDS.forEach(function (field) { action[field] = (fields && fields[field]) || ""; });
    return action;
  }

  function find(record, id) {
    return actionsOf(record).find(function (action) { return action.id === id; });
  }

  /* Put an action in the plan at position index (default: the end), unless it is there already. */
  function add(record, action, index) {
    var actions = actionsOf(record);
    if (find(record, action.id)) { return; }
    var at = index === undefined ? actions.length : Math.max(0, Math.min(index, actions.length));
    actions.splice(at, 0, JSON.parse(JSON.stringify(action)));
  }

  function update(record, id, field, value) {
    var action = find(record, id);
    if (action && (TEXT_FIELDS.indexOf(field) >= 0 || field === "status")) { action[field] = value; }
  }

  /* Move an action to position index (0 first). */
  function move(record, id, index) {
    var actions = actionsOf(record);
    var action = find(record, id);
    if (!action) { return; }
    actions.splice(actions.indexOf(action), 1);
    actions.splice(Math.max(0, Math.min(index, actions.length)), 0, action);
  }

  function remove(record, id) {
    var actions = actionsOf(record);
    var action = find(record, id);
    if (action) { actions.splice(actions.indexOf(action), 1); }
  }

  function link(record, id, statement) {
    var action = find(record, id);
    if (action && action.statements.indexOf(statement) < 0) { action.statements.push(statement); }
  }

  function unlink(record, id, statement) {
    var action = find(record, id);
    if (action) { action.statements = action.statements.filter(function (s) { return s !== statement; }); }
  }

  /* The first action linked to a statement, or undefined. */
  function actionFor(record, statement) {
    return actionsOf(record).find(function (action) { return action.statements.indexOf(statement) >= 0; });
  }

  /* Whether an action's review date has passed (today is "YYYY-MM-DD") and it is not done or dropped. */
  function isOverdue(action, today) {
    return Boolean(action.review) && action.review < today && action.status !== "done" && action.status !== "dropped";
  }

  function statusLabel(value) {
    return (STATUSES.find(function (status) { return status.value === value; }) || STATUSES[0]).label;
  }

  /* A date as "YYYY-MM-DD" in local time. */
  function isoDate(date) {
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return date.getFullYear() + "-" + two(date.getMonth() + 1) + "-" + two(date.getDate());
  }

  toolkit.plan = {
    STATUSES: STATUSES,
    WORDS: WORDS,
    actionsOf: actionsOf,
    create: create,
    find: find,
    add: add,
    update: update,
    move: move,
    remove: remove,
    link: link,
    unlink: unlink,
    actionFor: actionFor,
    isOverdue: isOverdue,
    statusLabel: statusLabel,
    isoDate: isoDate
  };
}(window.SendToolkit = window.SendToolkit || {}));
