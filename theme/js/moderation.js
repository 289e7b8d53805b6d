// Needs: answers, assessments
/* Moderation: pure functions putting several raters' assessments of one framework side by side, statement by
   statement, and saying how far apart their ratings are. No DOM.

   For each rating of a statement, the raters' points are placed by their order on the scale (so Red, Amber,
   Green are 0, 1, 2 apart, like 1 to 10): "agree" when every rater gave the same point, "one" when they are
   one point apart, "more" when further apart or when some said not applicable and others rated it, and
   "missing" when they agree as far as they go but not everyone rated it. A statement is as far apart as its
   widest rating.

   An agreed assessment (startAgreed) is an assessment of its own whose answers are the agreed judgements, so that
   the summary, priorities and plan work on it as on any other. It keeps in record.moderation what they were
   agreed from and how:
     raters: [{ rater, role, answers }]   each rater's statements (ratings and evidence) when it was started
     notes:  { <statement id>: "text" }   the moderation note of each statement
     by, role, on                         who signed it off, and the day ("YYYY-MM-DD") */
(function (toolkit) {
  "use strict";

  var MOST_RATERS = toolkit.assessments.MOST_RATERS;
  var ORDER = { more: 3, one: 2, missing: 1, agree: 0 };

  /* How far apart the raters' values on one scale are: { agreement, spread } (spread: the most points apart,
     or null where that is not a distance). */
  function apart(scale, values) {
    var points = values.map(function (value) { return toolkit.answers.pointFor(scale, value); }).filter(Boolean);
    var given = points;   // a value not on the scale (from an older framework) counts as not rated
    var notApplicable = points.filter(function (point) { return point.not_applicable; }).length;
    if (notApplicable && notApplicable < given.length) { return { agreement: "more", spread: null }; }
    var places = points.map(function (point) { return scale.points.indexOf(point); });
    var spread = places.length ? Math.max.apply(null, places) - Math.min.apply(null, places) : 0;
    var agreement = spread > 1 ? "more" : spread === 1 ? "one" : given.length < values.length ? "missing" : "agree";
    return { agreement: agreement, spread: spread };
  }

  /* Every rated statement with each rater's answer: [{ item, section, ratings: [{ id, scale, values, agreement,
     spread }], evidence: [text per rater], agreement, spread }], the widest apart first (then the framework's
     order). records: the raters' assessments, 2 to 8. */
  function compare(framework, records) {
    var statements = [];
    var fitting = records.map(function (record) { return toolkit.assessments.fitting(record.answers, framework); });   // once each
    framework.sections.forEach(function (section) {
      section.items.forEach(function (item) {
        if (item.type !== "statement" || !(item.ratings || []).length) { return; }
        var answers = fitting.map(function (fitted) { return fitted[item.id] || {}; });
        var ratings = item.ratings.map(function (rating) {
          var values = answers.map(function (answer) { return answer[rating.id]; });
          return Object.assign({ id: rating.id, scale: rating.scale, values: values }, apart(framework.scales[rating.scale], values));
        });
        var widest = ratings.reduce(function (most, rating) { return wider(rating, most) > 0 ? rating : most; }, ratings[0]);
        statements.push({ item: item.id, section: section.id, ratings: ratings, place: statements.length,
                          evidence: answers.map(function (answer) { return answer.evidence; }),
                          agreement: widest.agreement, spread: widest.spread });
      });
    });
    return statements.sort(function (a, b) { return wider(b, a) || a.place - b.place; });
  }

  /* > 0 when a is further apart than b. */
  function wider(a, b) {
    return ORDER[a.agreement] - ORDER[b.agreement] || spreadOf(a) - spreadOf(b);
  }

  function spreadOf(judged) {
    return judged.spread === null ? Infinity : judged.spread;
  }

  /* How many statements are each way apart: { more, one, missing, agree }. */
  function counts(statements) {
    return statements.reduce(function (tally, statement) { tally[statement.agreement] += 1; return tally; },
                              { more: 0, one: 0, missing: 0, agree: 0 });
  }

  /* What is wrong with a choice of raters' assessments to put side by side, in words, or null. */
  function choiceProblem(records) {
    if (records.length < 2) { return "Choose at least 2 assessments to compare."; }
    if (records.length > MOST_RATERS) {
      return "Choose at most " + MOST_RATERS + " assessments to compare: " + records.length + " are chosen.";
    }
    var raters = records.map(toolkit.assessments.raterText).filter(Boolean);
    var twice = raters.find(function (rater, index) { return raters.indexOf(rater) !== index; });
    if (twice) {
      return "Two of the chosen assessments say they were rated by " + twice + ": choose one of them, or correct “Your name” " +
        "in the other (open it under Your assessments).";
    }
    var settings = records.map(function (record) { return record.setting; }).filter(function (setting, index, all) {
      return setting && all.indexOf(setting) === index;
    });
    if (settings.length > 1) {
      return "The chosen assessments are of different settings (" + settings.join(", ") + "): compare the judgements of one setting.";
    }
    return null;
  }

  /* A new agreed assessment of the raters' records (chosen without a choiceProblem), made at now (a Date):
     their setting and period, who took part, each rater's statements as they stand, and each statement's
     evidence gathered from what each person gave (to edit in its section). */
  function startAgreed(framework, records, now) {
    var first = function (field) {
      return (records.find(function (record) { return record[field]; }) || {})[field] || "";
    };
    var agreed = toolkit.assessments.create(framework, { setting: first("setting"), period: first("period") }, now);
    var raters = records.map(function (record) { return rater(framework, record); });
    agreed.participants = raters.map(toolkit.assessments.raterText).join("\n");
    agreed.moderation = { raters: raters, notes: {} };
    framework.sections.forEach(function (section) {   // each statement's evidence: what each person gave, with who
      section.items.forEach(function (item) {
        var given = raters.filter(function (one) { return one.answers[item.id] && one.answers[item.id].evidence; });
        if (item.type === "statement" && item.evidence && given.length) {
          agreed.answers[item.id] = { evidence: given.map(function (one) {
            return toolkit.assessments.raterText(one) + ": " + one.answers[item.id].evidence;
          }).join("\n\n") };
        }
      });
    });
    return agreed;
  }

  /* One rater's judgements as an agreed assessment keeps them: who (the assessment's name when it does not say),
     and the answers to statements that fit this framework. */
  function rater(framework, record) {
    var answers = {};
    var fitting = toolkit.assessments.fitting(record.answers, framework);
    Object.keys(fitting).forEach(function (id) {
      if (framework.items[id].type === "statement") { answers[id] = fitting[id]; }
    });
    var named = record.rater || record.role;
    return { rater: named ? record.rater || "" : toolkit.assessments.title(record).slice(0, 200), role: record.role || "",
             answers: answers };
  }

  /* The judgements every rater of an agreed assessment gave alike and that it does not yet record, in the
     framework's order: [{ item, rating, value }]. */
  function agreeable(framework, record) {
    var found = [];
    compare(framework, record.moderation.raters).sort(function (a, b) { return a.place - b.place; }).forEach(function (statement) {
      statement.ratings.forEach(function (rating) {
        var recorded = (record.answers[statement.item] || {})[rating.id];
        if (rating.agreement === "agree" && rating.values[0] !== undefined && recorded === undefined) {
          found.push({ item: statement.item, rating: rating.id, value: rating.values[0] });
        }
      });
    });
    return found;
  }

  /* The statements of an agreed assessment with a rating not yet agreed, in the framework's order: [statement ids]. */
  function notAgreed(framework, record) {
    return compare(framework, record.moderation.raters).sort(function (a, b) { return a.place - b.place; }).filter(function (statement) {
      var answer = record.answers[statement.item] || {};
      return statement.ratings.some(function (rating) { return answer[rating.id] === undefined; });
    }).map(function (statement) { return statement.item; });
  }

  toolkit.moderation = { MOST_RATERS: MOST_RATERS, apart: apart, compare: compare, counts: counts, choiceProblem: choiceProblem,
                         startAgreed: startAgreed, agreeable: agreeable, notAgreed: notAgreed };
}(window.SendToolkit = window.SendToolkit || {}));
