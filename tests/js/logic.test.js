/* The page's DOM-free scripts tested where they live, with Node's own test runner (node --test tests/js/), as
   tests/test_logic.py runs them in the suite. Exact values throughout; the framework data is the built pages'. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load, frameworkData, plain } = require("./toolkit.js");

const toolkit = load();
const { answers, assessments, changes, dates, durable, moderation, plan, scoring, stamps, storage, transfer, views } = toolkit;
const RAG = answers.index(frameworkData("send-audit-rag"));
const SEED_000 = answers.index(frameworkData("send-self-evaluation"));
const NOW = new Date("2026-11-22T10:42:00Z");

test("answers: control names, points, numbers", () => {
  assert.deepEqual(plain(answers.parseName("outcomes-1--now")), { item: "outcomes-1", part: "now" });
  assert.deepEqual(plain(answers.parseName("pupils--2--name")), { item: "pupils", part: "2--name" });
  assert.equal(answers.pointFor(RAG.scales.rag, "amber").label, "Amber");
  assert.equal(answers.pointFor(RAG.scales.rag, "purple"), undefined);
  assert.deepEqual(["12", " 4.5 ", "45%", "AB", "", "  "].map(text => plain(answers.parseNumber(text))), [
    { kind: "number", value: 12 }, { kind: "number", value: 4.5 }, { kind: "percent", value: 45 }, { kind: "other" },
    { kind: "empty" }, { kind: "empty" }]);
});

test("answers: setting and clearing a part, and a section's progress", () => {
  const given = {};
  answers.setPart(given, "leadership-1", "rag", "red");
  answers.setPart(given, "leadership-1", "evidence", "Minutes");
  answers.setPart(given, "leadership-2", "rag", "green");
  answers.setPart(given, "leadership-2", "rag", "");
  assert.deepEqual(plain(given), { "leadership-1": { rag: "red", evidence: "Minutes" } });
  assert.deepEqual(plain(scoring.sectionProgress(RAG.sections[0], given, {})),
    { done: 1, total: 13, verb: "rated", status: "in-progress" });
  assert.equal(scoring.isRated(RAG.items["leadership-1"], given["leadership-1"]), true);
  assert.equal(scoring.isRated(RAG.items["leadership-2"], given["leadership-2"]), false);
});

test("changes: what both copies changed; a rating is not a text, whatever its value", () => {
  const base = { answers: { "leadership-1": { evidence: "Minutes", rag: "red" } } };
  const mine = { answers: { "leadership-1": { evidence: "Minutes of March", rag: "amber" } } };
  const theirs = { answers: { "leadership-1": { evidence: "Governors' report", rag: "green" } } };
  const isText = path => path[path.length - 1] === "evidence";
  assert.deepEqual(plain(changes.bothChanged(base, mine, theirs, isText)),
    { texts: [["answers", "leadership-1", "evidence"]], others: [["answers", "leadership-1", "rag"]] });
  assert.deepEqual(plain(changes.bothChanged(base, mine, base, isText)), { texts: [], others: [] });
  assert.equal(changes.bothTexts("Governors' report", "Minutes of March"), "Governors' report\n\nMinutes of March");
  assert.equal(changes.bothTexts("", "Minutes of March"), "Minutes of March");
  const record = { actions: [{ id: "p1", target: "Brief the SLT" }] };
  assert.equal(changes.at(record, ["actions", "#p1", "target"]), "Brief the SLT");
  assert.equal(changes.setAt(record, ["actions", "#p1", "target"], "Brief governors"), true);
  assert.equal(changes.setAt(record, ["actions", "#p9", "target"], "x"), false);
  assert.deepEqual(record, { actions: [{ id: "p1", target: "Brief governors" }] });
});

test("durable: what localStorage needs after a crash", () => {
  const stored = { "assessment:a": 2, "assessment:b": 2, "assessment:c": 1, "assessment:e": 5 };
  const repairs = durable.repairs([
    { name: "assessment:a", text: "A at 3", revision: 3 },     // newer in the durable copy: written back
    { name: "assessment:b", deleted: true, revision: 2 },      // deleted, and storage still has it: removed
    { name: "assessment:c", text: "C at 1", revision: 1 },     // the same revision: nothing to do
    { name: "assessment:d", text: "D at 1", revision: 1 },     // lost from storage altogether: written back
    { name: "assessment:e", deleted: true, revision: 4 }       // saved again since the deletion: kept
  ], name => stored[name] ?? null);
  assert.deepEqual(plain(repairs), [{ name: "assessment:a", text: "A at 3" }, { name: "assessment:b", text: null },
    { name: "assessment:d", text: "D at 1" }]);
});

test("storage: which browsers delete what a website keeps after 7 days", () => {
  const safari = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
  const chrome = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
  const iPad = "Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1";
  assert.deepEqual([[safari, "https:"], [safari, "file:"], [chrome, "https:"], [iPad, "http:"]]
    .map(([agent, protocol]) => storage.deletesUnopened(agent, protocol)), [true, false, false, true]);
});

test("assessments: a new record, its shape check, names and dates", () => {
  const record = assessments.create(RAG, { setting: "Oak Primary" }, NOW);
  const { id, ...rest } = plain(record);
  assert.match(id, /^a[0-9a-z]+$/);
  assert.deepEqual(rest, { format: "send-toolkit-assessment", formatVersion: 1, framework: "send-audit-rag",
    frameworkVersion: "1.0", setting: "Oak Primary", period: "", created: "2026-11-22T10:42:00.000Z", updated: null,
    revision: 0, answers: {}, completed: {}, reviewPoints: [], participants: "", actions: [] });
  assert.equal(assessments.problem(record, RAG), null);
  assert.equal(assessments.problem({}, RAG), "it is not an assessment from this toolkit");
  assert.equal(assessments.problem({ ...record, revision: "x" }, RAG), "\"revision\" should be a whole number, not the text “x”");
  assert.equal(assessments.problem({ ...record, revision: 1e15 }, RAG), null);
  assert.equal(assessments.problem({ ...record, revision: 2 ** 53 - 1 }, RAG),
    "\"revision\" should be at most 1000000000000000 saves, not the number 9007199254740991");
  assert.deepEqual(["2026-09-01", "2026-12-31", "2027-01-05", "2027-04-01", "2027-08-31"]
    .map(day => assessments.termName(new Date(day))), ["Autumn 2026", "Autumn 2026", "Spring 2027", "Summer 2027", "Summer 2027"]);
  assert.equal(dates.formatDate("2026-11-22T10:42:00.000Z"), "22 November 2026");
});

test("assessments: the most actions and review points one assessment holds, made here or by a file", () => {
  const record = assessments.create(RAG, {}, NOW);
  const many = (count, make) => Array.from({ length: count }, (_, n) => make(n));
  const action = n => ({ ...plan.create([], {}, NOW), id: "p" + n });
  const point = n => ({ id: "r" + n, name: "Spring", saved: "2026-03-01T12:00:00.000Z", answers: {} });
  assert.equal(assessments.full({ ...record, actions: many(499, action) }, "actions"), null);
  assert.equal(assessments.full({ ...record, actions: many(500, action) }, "actions"),
    "This plan has 500 actions, the most one assessment can hold: delete or combine some before adding another.");
  assert.equal(assessments.full({ ...record, reviewPoints: many(199, point) }, "reviewPoints"), null);
  assert.equal(assessments.full({ ...record, reviewPoints: many(200, point) }, "reviewPoints"), "This assessment has 200 " +
    "review points, the most it can hold: delete some you no longer need (in the list below) before saving another.");
  assert.equal(assessments.overfull({ ...record, actions: many(500, action), reviewPoints: many(200, point) }), null);
  assert.equal(assessments.overfull({ ...record, actions: many(501, action) }),
    "would then have 501 actions, more than the 500 one assessment can hold");
  assert.equal(assessments.overfull({ ...record, reviewPoints: many(201, point) }),
    "would then have 201 review points, more than the 200 one assessment can hold");
});

test("scoring: the summary's figures and the priorities, by the rule in words", () => {
  const given = { "leadership-1": { rag: "red" }, "leadership-2": { rag: "amber", evidence: "Minutes" },
    "leadership-3": { rag: "green" }, "teaching-1": { rag: "red" } };
  const summary = scoring.summarise(RAG, given, {});
  const tally = ({ statements, rated, notApplicable, notRated, average, counts }) => ({ statements, rated, notApplicable, notRated, average, counts });
  assert.deepEqual(plain(tally(summary.sections[0].ratings[0])),
    { statements: 13, rated: 3, notApplicable: 0, notRated: 10, average: null, counts: { red: 1, amber: 1, green: 1 } });
  assert.deepEqual(plain(tally(summary.overall.ratings[0])),
    { statements: 57, rated: 4, notApplicable: 0, notRated: 53, average: null, counts: { red: 2, amber: 1, green: 1 } });
  assert.equal(summary.overall.withoutEvidence, 3);
  assert.deepEqual(plain(scoring.priorities(RAG, given).map(found => [found.item, found.group, found.worst.point, found.noEvidence])), [
    ["leadership-1", "duty", "red", true], ["leadership-2", "duty", "amber", false], ["teaching-1", "rating", "red", true]]);
  assert.deepEqual(plain(scoring.ruleOf(RAG, () => "RAG rating")), [
    "First, statutory duties that are not fully met, the least met first.",
    "Then the statements rated Red, then Amber.",
    "Within each step, statements keep the framework's order. A statement rated without any evidence is marked “No evidence yet”."]);
  const gaps = { "outcomes-1": { now: 3, target: 8 }, "outcomes-2": { now: 6, target: 7 }, "outcomes-3": { now: 0, target: 9 } };
  assert.deepEqual(plain(scoring.priorities(SEED_000, gaps).map(found => [found.item, found.gap])), [
    ["outcomes-1", { now: 3, target: 8, gap: 5 }], ["outcomes-2", { now: 6, target: 7, gap: 1 }]]);   // 0: not applicable
});

test("plan: actions added, moved, removed; overdue", () => {
  const record = assessments.create(RAG, {}, NOW);
  const first = plan.create(["leadership-1"], { target: "Brief the SLT" }, NOW);
  const second = plan.create([], { target: "Train staff" }, NOW);
  plan.add(record, first);
  plan.add(record, second, 0);
  plan.add(record, first);   // already there: nothing
  assert.deepEqual(plain(record.actions.map(action => action.target)), ["Train staff", "Brief the SLT"]);
  plan.move(record, first.id, 0);
  assert.deepEqual(plain(record.actions.map(action => action.target)), ["Brief the SLT", "Train staff"]);
  plan.update(record, second.id, "status", "done");
  plan.remove(record, first.id);
  assert.deepEqual(plain(record.actions), [{ id: second.id, statements: [], status: "done", target: "Train staff",
    actions: "", responsible: "", resources: "", evaluation: "", completed: "", review: "" }]);
  assert.deepEqual([["2026-11-01", "in-progress"], ["2026-11-01", "done"], ["2026-11-01", "dropped"], ["2026-12-01", "not-started"], ["", "not-started"]]
    .map(([review, status]) => plan.isOverdue({ review, status }, "2026-11-22")), [true, false, false, false, false]);
});

test("transfer: the checksum, a file made and read back, every refusal in words, spreadsheets", () => {
  assert.equal(transfer.crc32("123456789"), "cbf43926");   // the CRC-32 check value; Python's zlib.crc32 agrees
  const record = assessments.create(RAG, { setting: "Oak Primary (Year 6)" }, NOW);
  answers.setPart(record.answers, "leadership-1", "rag", "red");
  const text = transfer.makeFile(RAG, "SEND Audit RAG rating", [record], NOW);
  assert.equal(transfer.fileName(RAG, record, NOW), "oak-primary-year-6-send-audit-rag-2026-11-22.json");
  assert.deepEqual(plain(transfer.read(text, RAG, "SEND Audit RAG rating").records), [plain(record)]);
  const refused = file => transfer.read(file, RAG, "SEND Audit RAG rating").error;
  assert.equal(refused("{"), "The file is not a file of answers from this toolkit: it is not in the right format (JSON). Choose the file that “Download my answers” made: its name ends in .json.");
  assert.equal(refused(text.replace("Oak Primary", "Elm Primary")),
    "The file has been changed or damaged since it was downloaded: its checksum does not match what it holds, so it cannot be trusted. Use another copy, or download your answers again on the computer where they are saved.");
  assert.equal(transfer.sizeProblem(0), "The file is empty: it has nothing in it. It may not have finished downloading or copying.");
  assert.deepEqual(["=SUM(A1)", "+1", "-3", "@x", "plain", 7].map(transfer.csvCell), ["\"'=SUM(A1)\"", "\"'+1\"", "\"'-3\"", "\"'@x\"", "\"plain\"", "\"7\""]);
  assert.equal(transfer.csv([["a", "b"], ["x\"y", ""]]), "\uFEFF\"a\",\"b\"\r\n\"x\"\"y\",\"\"\r\n");
});

test("transfer: loading a file from before stamps: answers on one side only join, the rest are conflicts the person settles", () => {
  const here = assessments.create(RAG, {}, NOW);
  here.answers = { "leadership-1": { rag: "red" }, "leadership-2": { rag: "amber" }, "leadership-4": { rag: "green" } };
  const incoming = JSON.parse(JSON.stringify(here));
  incoming.answers = { "leadership-1": { rag: "green" }, "leadership-2": { rag: "green", evidence: "Head's notes" },
                       "leadership-3": { rag: "red" } };
  assert.deepEqual(plain(transfer.preview(RAG, here, incoming).differences.map(d => [stamps.nameOf(d), d.newer, d.conflict])), [
    ["leadership-1--rag", "file", true], ["leadership-2--rag", "file", true], ["leadership-2--evidence", "file", false],
    ["leadership-4--rag", "here", false], ["leadership-3--rag", "file", false]]);
  const taken = transfer.merge(RAG, here, incoming, "Before loading", NOW);
  assert.deepEqual(plain(taken.answers), { "leadership-1": { rag: "green" }, "leadership-2": { rag: "green", evidence: "Head's notes" },
                                           "leadership-3": { rag: "red" }, "leadership-4": { rag: "green" } });
  assert.deepEqual(plain(taken.reviewPoints.map(point => [point.name, point.answers])), [["Before loading", plain(here.answers)]]);
  const some = transfer.merge(RAG, here, incoming, "Before loading", NOW, ["leadership-2--rag"]);
  assert.deepEqual(plain(some.answers), { "leadership-1": { rag: "green" }, "leadership-2": { rag: "amber", evidence: "Head's notes" },
                                          "leadership-3": { rag: "red" }, "leadership-4": { rag: "green" } });
  assert.equal(some.reviewPoints.length, 1);
  const none = transfer.merge(RAG, here, incoming, "Before loading", NOW, ["leadership-1--rag", "leadership-2--rag"]);
  assert.deepEqual(plain(none.answers), { "leadership-1": { rag: "red" }, "leadership-2": { rag: "amber", evidence: "Head's notes" },
                                          "leadership-3": { rag: "red" }, "leadership-4": { rag: "green" } });
  assert.equal(none.reviewPoints.length, 0);   // nothing here replaced: no review point needed
  // another answer given for a conflict, instead of either copy's: it replaces the one here, so a review point first
  const another = transfer.preview(RAG, here, incoming, ["leadership-1--rag", "leadership-2--rag"], { "leadership-2--rag": "red" });
  assert.deepEqual(plain(another.given.map(stamps.nameOf)), ["leadership-2--rag"]);
  assert.deepEqual(plain(another.replaced.map(stamps.nameOf)), ["leadership-2--rag"]);
  const given = transfer.merge(RAG, here, incoming, "Before loading", NOW, ["leadership-1--rag"], { "leadership-2--rag": "red" });
  assert.deepEqual(plain(given.answers["leadership-2"]), { rag: "red", evidence: "Head's notes" });
  assert.equal(given.reviewPoints.length, 1);
  assert.deepEqual(plain(transfer.merge(RAG, here, incoming, "Before loading", NOW, [], { "leadership-4--rag": "red" }).answers["leadership-4"]),
    { rag: "green" });   // only a conflict takes another answer
});

test("stamps: each part changed is stamped; a copy's newer answers win, an older file changes nothing, both changed is a conflict", () => {
  const rate = (record, item, part, value, at) =>
    stamps.stamping(RAG, r => answers.setPart(r.answers, item, part, value), new Date(at))(record);
  const senco = assessments.create(RAG, {}, NOW);
  rate(senco, "leadership-1", "rag", "red", 1000);
  rate(senco, "leadership-1", "evidence", "Minutes", 2000);
  rate(senco, "leadership-2", "rag", "amber", 3000);
  const a = senco.copy;
  const at = (time, copy) => time.toString(36) + "." + copy;
  assert.match(a, /^[0-9a-z]{1,8}$/);
  assert.deepEqual(plain(senco.changed), { "leadership-1": { rag: at(1000, a), evidence: at(2000, a) }, "leadership-2": { rag: at(3000, a) } });
  assert.equal(stamps.timeOf(senco.changed["leadership-2"].rag), 3000);
  assert.equal(assessments.problem(senco, RAG), null);
  assert.deepEqual([{ changed: { "leadership-1": { rag: [1000, a] } } }, { copy: 7 }, { seen: { [a]: -1 } }].map(
    bad => assessments.problem(Object.assign({}, senco, bad), RAG)), [
    "\"changed\" should be a set of answers, each part with when and in which copy it changed, not a set of fields",
    "\"copy\" should be a copy's id (up to 8 letters and digits), not the number 7",
    "\"seen\" should be a set of copies, each with a time, not a set of fields"]);
  assert.deepEqual(plain(senco.seen), { [a]: 3000 });
  rate(senco, "leadership-2", "rag", "", 2500);   // a clock put back: the copy's stamps still go forward
  assert.deepEqual(plain(senco.changed["leadership-2"]), { rag: at(3001, a) });
  rate(senco, "leadership-2", "rag", "amber", 4000);

  const head = JSON.parse(JSON.stringify(senco));   // the head loads her file as a new copy
  delete head.copy;
  rate(head, "leadership-1", "rag", "green", 5000);      // only the head changes this rating
  rate(head, "leadership-2", "rag", "red", 5100);        // both change this one
  rate(head, "leadership-2", "evidence", "Visits", 5200); // and only he gives evidence
  const b = head.copy;
  assert.notEqual(b, a);
  rate(senco, "leadership-1", "evidence", "Minutes of March", 6000);   // only she changes this text
  rate(senco, "leadership-2", "rag", "green", 6100);

  const found = stamps.differences(RAG, senco, head);
  assert.deepEqual(plain(found.map(d => [stamps.nameOf(d), d.here, d.file, d.newer, d.conflict])), [
    ["leadership-1--rag", "red", "green", "file", false],
    ["leadership-1--evidence", "Minutes of March", "Minutes", "here", false],
    ["leadership-2--rag", "green", "red", "here", true],
    ["leadership-2--evidence", null, "Visits", "file", false]]);
  const merged = transfer.merge(RAG, senco, head, "Before loading", NOW);
  assert.deepEqual(plain(merged.answers), { "leadership-1": { rag: "green", evidence: "Minutes of March" },
                                            "leadership-2": { rag: "green", evidence: "Visits" } });
  assert.deepEqual(plain(merged.seen), { [a]: NOW.getTime(), [b]: 5200 });   // settling the conflict is a change of her copy
  assert.equal(merged.changed["leadership-2"].rag, NOW.getTime().toString(36) + "." + a);
  assert.equal(merged.reviewPoints.length, 1);   // her red rating was replaced

  // the merged copy goes back to the head: his conflict was settled, so nothing is a conflict there
  const back = stamps.differences(RAG, head, merged);
  assert.deepEqual(plain(back.map(d => [stamps.nameOf(d), d.newer, d.conflict])), [
    ["leadership-1--evidence", "file", false], ["leadership-2--rag", "file", false]]);
  // her earlier file, loaded again, is older: nothing new
  assert.deepEqual(plain(stamps.differences(RAG, merged, senco).map(d => [stamps.nameOf(d), d.newer])), [
    ["leadership-1--rag", "here"], ["leadership-2--evidence", "here"]]);
  assert.equal(stamps.isOlder(merged, senco), true);
  assert.equal(stamps.isOlder(senco, merged), false);
  assert.equal(transfer.preview(RAG, merged, senco).taken.length, 0);
  // who changed what: each copy's rater, kept as the copy changes, joined by a merge (this copy's own from here)
  senco.rater = "J. Smith"; senco.role = "SENCO";
  rate(senco, "leadership-4", "rag", "red", 6200);
  head.rater = "A. Patel";
  rate(head, "leadership-4", "rag", "amber", 6300);
  assert.deepEqual(plain(senco.raters), { [a]: "J. Smith, SENCO" });
  assert.equal(stamps.whoChanged(head.changed["leadership-4"].rag, senco, head), "A. Patel");
  assert.equal(stamps.whoChanged(senco.changed["leadership-1"].rag, senco, head), "J. Smith, SENCO");
  assert.deepEqual(plain(transfer.merge(RAG, senco, head, "Before loading", NOW).raters), { [a]: "J. Smith, SENCO", [b]: "A. Patel" });
  assert.equal(assessments.problem(Object.assign({}, senco, { seen: { [a]: Number.MAX_SAFE_INTEGER } }), RAG),
    "\"seen\" should be a set of copies, each with a time, not a set of fields");
  assert.equal(assessments.problem(Object.assign({}, senco, { changed: { "leadership-1": { rag: "zzzzzzzzzzz." + a } } }), RAG),
    "\"changed\" should be a set of answers, each part with when and in which copy it changed, not a set of fields");
  assert.equal(assessments.problem(Object.assign({}, senco, { raters: { [a]: 7 } }), RAG),
    "\"raters\" should be a set of copies, each with who rated it, not a set of fields");
  // each keeps their own answer to a conflict, in turn: the two answers still differ, so it is a conflict again
  const mine = transfer.merge(RAG, senco, head, "Before loading", new Date(7000), ["leadership-2--rag"]);
  const his = transfer.merge(RAG, head, senco, "Before loading", new Date(7100), ["leadership-2--rag"]);
  assert.deepEqual(plain(stamps.differences(RAG, mine, his).filter(d => d.conflict).map(d => [stamps.nameOf(d), d.here, d.file])),
    [["leadership-2--rag", "green", "red"], ["leadership-4--rag", "amber", "red"]]);   // each took the other's for this one
  assert.equal(stamps.isOlder(mine, his), false);
  // a clearing travels: the head clears evidence he had seen, and her copy takes the clearing
  const cleared = JSON.parse(JSON.stringify(merged));
  cleared.copy = b;
  rate(cleared, "leadership-2", "evidence", "", 7000);
  assert.deepEqual(plain(transfer.merge(RAG, merged, cleared, "Before loading", NOW).answers["leadership-2"]), { rag: "green" });
});

test("moderation: how far apart raters are, by the points' order on the scale; the widest apart first", () => {
  const rag = RAG.scales.rag, ten = SEED_000.scales["zero-to-ten"];
  assert.deepEqual([["red", "red"], ["red", "amber"], ["red", "green"], ["green", undefined], [undefined, undefined]]
    .map(values => plain(moderation.apart(rag, values))), [
    { agreement: "agree", spread: 0 }, { agreement: "one", spread: 1 }, { agreement: "more", spread: 2 },
    { agreement: "missing", spread: 0 }, { agreement: "missing", spread: 0 }]);
  assert.deepEqual(plain(moderation.apart(ten, [0, 5])), { agreement: "more", spread: null });   // not applicable, and rated
  assert.deepEqual(plain(moderation.apart(rag, ["green", "purple"])), { agreement: "missing", spread: 0 });   // not on the scale
  assert.deepEqual(plain(moderation.apart(ten, [0, 0, undefined])), { agreement: "missing", spread: 0 });
  const rater = (given) => Object.assign(assessments.create(RAG, {}, NOW), { answers: given });
  const senco = rater({ "leadership-1": { rag: "red" }, "leadership-2": { rag: "green" }, "leadership-3": { rag: "amber", evidence: "Minutes" } });
  const head = rater({ "leadership-1": { rag: "amber" }, "leadership-2": { rag: "green" }, "leadership-3": { rag: "amber" } });
  const governor = rater({ "leadership-1": { rag: "green" }, "leadership-2": { rag: "green" }, "leadership-3": { rag: "amber" } });
  const found = moderation.compare(RAG, [senco, head, governor]);
  assert.deepEqual(plain(found.slice(0, 4).map(s => [s.item, s.agreement, s.spread, s.ratings[0].values, s.evidence])), [
    ["leadership-1", "more", 2, ["red", "amber", "green"], [null, null, null]],
    ["leadership-4", "missing", 0, [null, null, null], [null, null, null]],
    ["leadership-5", "missing", 0, [null, null, null], [null, null, null]],
    ["leadership-6", "missing", 0, [null, null, null], [null, null, null]]]);
  assert.equal(found.length, Object.values(RAG.items).filter(item => item.type === "statement").length);
  assert.deepEqual(plain(found.filter(s => s.agreement === "agree").map(s => s.item)), ["leadership-2", "leadership-3"]);
  assert.deepEqual(plain(moderation.counts(found)), { more: 1, one: 0, missing: found.length - 3, agree: 2 });
  assert.equal(moderation.choiceProblem([senco]), "Choose at least 2 assessments to compare.");
  assert.equal(moderation.choiceProblem([senco, head]), null);
  assert.equal(moderation.choiceProblem(Array(10).fill(senco)), "Choose at most 8 assessments to compare: 10 are chosen.");
  Object.assign(senco, { rater: "J. Smith", role: "SENCO", setting: "Oak Primary" });
  Object.assign(head, { rater: "J. Smith", role: "SENCO", setting: "Oak Primary" });
  assert.equal(moderation.choiceProblem([senco, head]), "Two of the chosen assessments say they were rated by J. Smith, SENCO: " +
    "choose one of them, or correct “Your name” in the other (open it under Your assessments).");
  Object.assign(head, { rater: "A. Patel", role: "Headteacher", setting: "Elm Primary" });
  assert.equal(moderation.choiceProblem([senco, head, governor]),
    "The chosen assessments are of different settings (Oak Primary, Elm Primary): compare the judgements of one setting.");
});

test("moderation: an agreed assessment keeps its raters' judgements, and what all gave alike is offered", () => {
  const rater = (name, role, given) => Object.assign(assessments.create(RAG, { setting: "Oak Primary", period: "Autumn 2026" }, NOW),
    { rater: name, role: role, answers: given });
  const senco = rater("J. Smith", "SENCO", { "leadership-1": { rag: "red" }, "leadership-2": { rag: "green", evidence: "Minutes" },
                                            "gone-1": { rag: "red" }, "leadership-3": { rag: "purple" } });
  const head = rater("", "", { "leadership-1": { rag: "amber" }, "leadership-2": { rag: "green" } });
  const agreed = moderation.startAgreed(RAG, [senco, head], NOW);
  assert.deepEqual(plain([agreed.setting, agreed.period, agreed.participants, agreed.answers]),
    ["Oak Primary", "Autumn 2026", "J. Smith, SENCO\nOak Primary, Autumn 2026",
     { "leadership-2": { evidence: "J. Smith, SENCO: Minutes" } }]);   // the evidence each gave, with who
  assert.deepEqual(plain(agreed.moderation), { notes: {}, raters: [   // statements that fit only: not "gone-1", nor "purple"
    { rater: "J. Smith", role: "SENCO", answers: { "leadership-1": { rag: "red" }, "leadership-2": { rag: "green", evidence: "Minutes" } } },
    { rater: "Oak Primary, Autumn 2026", role: "", answers: { "leadership-1": { rag: "amber" }, "leadership-2": { rag: "green" } } }] });
  assert.equal(assessments.problem(agreed, RAG), null);
  assert.equal(assessments.title(agreed), "Oak Primary (agreed judgements), Autumn 2026");
  assert.deepEqual(plain(moderation.agreeable(RAG, agreed)), [{ item: "leadership-2", rating: "rag", value: "green" }]);
  assert.deepEqual(plain(moderation.notAgreed(RAG, agreed).slice(0, 3)), ["leadership-1", "leadership-2", "leadership-3"]);
  agreed.answers["leadership-2"] = { rag: "amber" };   // the moderator chose otherwise: nothing is offered over it
  assert.equal(moderation.notAgreed(RAG, agreed).indexOf("leadership-2"), -1);
  assert.deepEqual(plain(moderation.agreeable(RAG, agreed)), []);
  assert.equal(assessments.moderatedText(agreed), "");
  Object.assign(agreed.moderation, { by: "R. Okafor", role: "External SEN/D professional", on: "2026-12-07" });
  assert.equal(assessments.moderatedText(agreed), "Moderated by R. Okafor, External SEN/D professional, on 7 December 2026");
  const signedAt = { at: 5000, by: "R. Okafor", role: "", on: "2026-12-07" };
  const later = Object.assign(JSON.parse(JSON.stringify(agreed)), { changed: { "leadership-1": { rag: (6000).toString(36) + ".c1" },
    "leadership-2": { rag: (4000).toString(36) + ".c1", evidence: (7000).toString(36) + ".c2" } } });
  Object.assign(later.moderation, signedAt);
  assert.equal(assessments.moderatedText(later), "Moderated by R. Okafor, on 7 December 2026 (2 answers have changed since)");
  const wrong = (change) => assessments.problem(Object.assign(JSON.parse(JSON.stringify(agreed)), change(JSON.parse(JSON.stringify(agreed.moderation)))), RAG);
  assert.equal(wrong(m => ({ moderation: "agreed" })), '"moderation" should be a set of fields, not the text “agreed”');
  assert.equal(wrong(m => ({ moderation: Object.assign(m, { raters: m.raters.slice(0, 1) }) })),
    '"moderation.raters" should be a list of 2 to 8 raters\' judgements, not a list');
  assert.equal(wrong(m => ({ moderation: Object.assign(m, { notes: { "leadership-1": 3 } }) })),
    '"moderation.notes" should be a set of statements, each with a note of up to 20000 characters, not a set of fields');
  assert.equal(wrong(m => ({ moderation: Object.assign(m, { on: "7 December" }) })),
    '"moderation.on" should be a day (YYYY-MM-DD), not the text “7 December”');
  assert.equal(wrong(m => { m.raters[1].answers["leadership-1"] = "red"; return { moderation: m }; }),
    '"moderation.raters.2.answers.leadership-1" should be an answer, not the text “red”');
  assert.equal(wrong(m => { m.raters[0].rater = null; return { moderation: m }; }),
    '"moderation.raters.1.rater" should be text of up to 200 characters, not empty');

  // a copy of the agreed assessment loaded back: each note kept whole, the later sign-off
  const mine = JSON.parse(JSON.stringify(agreed));
  mine.moderation.notes = { "leadership-1": "Agreed amber: the audit is not yet done", "leadership-2": "Minutes seen" };
  const theirs = JSON.parse(JSON.stringify(agreed));
  theirs.moderation.notes = { "leadership-1": "Agreed amber", "leadership-2": "Seen in class", "leadership-4": "Ask the head" };
  Object.assign(theirs.moderation, { by: "A. Khan", role: "", on: "2026-12-09" });
  const merged = transfer.merge(RAG, mine, theirs, "Before loading", NOW);
  assert.deepEqual(plain(merged.moderation.notes), { "leadership-1": "Agreed amber: the audit is not yet done",
    "leadership-2": "Seen in class\n\nMinutes seen", "leadership-4": "Ask the head" });
  assert.equal(assessments.moderatedText(merged), "Moderated by A. Khan, on 9 December 2026");
  assert.deepEqual(plain(transfer.merge(RAG, senco, agreed, "Before loading", NOW).moderation), plain(agreed.moderation));
});

test("assessments: the sections another person writes, in the school's copy and in the reviewer's", () => {
  const LLS = answers.index(frameworkData("lls-send-review"));
  const anyone = assessments.create(LLS, {}, NOW);
  assert.deepEqual(plain(assessments.writtenElsewhere(LLS, anyone).sections), []);
  const school = Object.assign(assessments.create(LLS, {}, NOW), { writer: "school" });
  const reviewers = ["reporting-template", "follow-up-visit"];
  assert.deepEqual(plain(assessments.writtenElsewhere(LLS, school).sections), reviewers);
  const theirs = Object.assign(assessments.create(LLS, {}, NOW), { writer: "reviewer" });
  const others = plain(assessments.writtenElsewhere(LLS, theirs).sections);
  assert.deepEqual(others, LLS.sections.map(s => s.id).filter(id => !reviewers.includes(id)));
  assert.match(assessments.writtenElsewhere(LLS, theirs).words, /^The school writes this section, so it is read-only in the reviewer's copy/);
  assert.deepEqual(plain(assessments.writtenElsewhere(RAG, Object.assign(assessments.create(RAG, {}, NOW), { writer: "reviewer" })).sections), []);
  assert.equal(assessments.problem(Object.assign(theirs, { writer: "inspector" }), LLS),
    '"writer" should be "school", "reviewer" or empty, not the text “inspector”');
});

test("types: each response type's parts, words, shape and what fits", () => {
  const GREAT = answers.index(frameworkData("good-to-great-send"));
  const HERTS = answers.index(frameworkData("herts-send-benchmark"));
  const of = (framework, id) => [framework.items[id], toolkit.types.of(framework.items[id])];
  const [statement, rated] = of(RAG, "leadership-1");
  assert.deepEqual(["rag", "evidence", "now"].map(part => rated.isText(statement, part)), [false, true, false]);
  assert.deepEqual(["red", "purple"].map(value => rated.misfit(RAG, statement, "rag", value)),
    [null, "this is no longer on the rating's scale"]);
  assert.equal(rated.misfit(RAG, statement, "now", "red"), "this rating is no longer in the framework");
  assert.deepEqual([undefined, "amber", "purple"].map(value => rated.valueText(RAG, statement, "rag", value)),
    ["Not rated", "Amber", "purple (not on this scale)"]);
  assert.deepEqual(plain(rated.textParts(statement, {})), ["evidence"]);
  const [grid, cells] = of(GREAT, "c-attainment-autumn");
  assert.equal(cells.parts(grid).length, 6 * 4 * 3);
  assert.deepEqual(["year-1.reading.below", "year-7.reading.below"].map(part => cells.misfit(GREAT, grid, part, "3")),
    [null, "this item no longer asks for it"]);
  assert.deepEqual([cells.isText(grid, "year-1.reading.below"), cells.isText(GREAT.items["prompt-sheet-attainment"], "x")], [false, true]);
  const [table, form] = of(HERTS, "participants");
  assert.deepEqual(plain(form.flatten(table, { rows: [{ role: "SENCO" }, {}, { date: "2027-01-14" }] })),
    { "1--role": "SENCO", "3--date": "2027-01-14" });
  assert.deepEqual(["1--role", "3--date"].map(part => form.valueText(HERTS, table, part, part === "3--date" ? "2027-01-14" : "SENCO")),
    ["SENCO", "14 January 2027"]);
  assert.deepEqual([form.isText(table, "role"), form.isText(table, "date")], [true, false]);
  assert.deepEqual([form.misfit(HERTS, table, "rows", []), form.misfit(HERTS, table, "role", "x")], [null, "this item no longer asks for it"]);
  assert.equal(form.isStarted(table, { rows: [] }), false);
  const [once, fields] = of(HERTS, "school");
  assert.deepEqual(plain(fields.textParts(once, { "school-name": "Oak", "key-dates": "May" })), ["school-name", "key-dates"]);
  const [question, text] = of(HERTS, "outcome-1-notes");
  assert.deepEqual([text.isText(question, "answer"), text.misfit(HERTS, question, "answer", "x"), text.valueText(HERTS, question, "answer", undefined)],
    [true, null, "No answer"]);
  const [guidance, read] = of(GREAT, "sources-of-data-list");
  assert.deepEqual([read.answered, read.misfit(GREAT, guidance, "answer", "x")], [false, "this item no longer asks for it"]);
  assert.equal(dates.dayText("2027-01-14"), "14 January 2027");
  assert.equal(dates.dayText("14/01/2027"), "14/01/2027");
});

test("types: a date and choose several", () => {
  const framework = answers.index({ scales: {}, sections: [{ id: "review", items: [
    { id: "when", type: "date" }, { id: "sources", type: "choices", options: ["pupil-voice", "parent-survey"] }] }] });
  const date = toolkit.types.of(framework.items.when);
  const choices = toolkit.types.of(framework.items.sources);
  assert.deepEqual(["2027-01-14", "14/01/2027"].map(value => date.misfit(framework, framework.items.when, "answer", value)),
    [null, "this is not a date the page can show (it should look like 2027-01-14)"]);
  assert.deepEqual([undefined, "2027-01-14"].map(value => date.valueText(framework, framework.items.when, "answer", value)),
    ["No answer", "14 January 2027"]);
  assert.deepEqual([["pupil-voice", "chosen"], ["gone", "chosen"], ["parent-survey", "yes"]]
    .map(([part, value]) => choices.misfit(framework, framework.items.sources, part, value)),
    [null, "this option is no longer in the framework", "this is not a choice the page can show"]);
  assert.deepEqual([undefined, "chosen"].map(value => choices.valueText(framework, framework.items.sources, "pupil-voice", value)),
    ["Not chosen", "Chosen"]);
  assert.equal(choices.isText(framework.items.sources, "pupil-voice"), false);
  const given = { when: { answer: "14/01/2027" }, sources: { "parent-survey": "chosen", "pupil-voice": "chosen", gone: "chosen" } };
  assert.deepEqual(plain(assessments.fitting(given, framework)), { sources: { "parent-survey": "chosen", "pupil-voice": "chosen" } });
  assert.deepEqual(plain(assessments.compare({}, given, framework)[1].changes.map(change => change.part)), ["pupil-voice", "parent-survey", "gone"]);
  assert.deepEqual(plain(scoring.sectionProgress(framework.sections[0], assessments.fitting(given, framework), {})),
    { done: 1, total: 2, verb: "answered", status: "in-progress" });
});

test("views: what a fragment asks for, and which view's script is told it shows", () => {
  const route = hash => plain(views.route(hash, SEED_000));
  const statement = SEED_000.sections[1].items.find(item => item.type === "statement").id;
  assert.deepEqual(route("#summary"), { view: "summary" });
  assert.deepEqual(route(""), { view: "overview" });
  assert.deepEqual(route("#main"), null);
  assert.deepEqual(route("#" + SEED_000.sections[1].id), { view: "section", section: SEED_000.sections[1].id });
  assert.deepEqual(route("#" + statement), { view: "section", section: SEED_000.sections[1].id, target: statement });
  assert.deepEqual(route("#compare"), { view: "overview" });
  assert.deepEqual(route("#compare-rp%2D1"), { view: "compare", reviewPoint: "rp-1" });
  assert.deepEqual(route("#compare-100%"), { view: "compare", reviewPoint: "100%" });
  assert.deepEqual(route("#action-a1"), { view: "plan", target: "action-a1--target" });
  assert.deepEqual(route("#no-such-thing"), { view: "overview" });
  assert.deepEqual(SEED_000.views, ["overview", "summary", "priorities", "plan", "review-points", "files", "assessments", "compare", "moderation"]);

  const told = [];
  views.register("test-a", { show: (where, page) => told.push("show a " + where.view + " " + page), leave: () => told.push("leave a") });
  views.register("test-b", { leave: () => told.push("leave b") });
  views.tell({ view: "test-a" }, "page");
  views.tell({ view: "test-b" }, "page");
  assert.deepEqual(told, ["show a test-a page", "leave b", "leave a"]);
  assert.deepEqual(plain(views.registered()), ["test-a", "test-b"]);
});
