// Needs: answers, types
/* Scoring: pure functions that turn answers into figures and a ranked list of priorities. No DOM here.

   A rating's scale is either numeric (points 0 to 10, say; a not-applicable point is left out of
   averages) or a set of named points (Red / Amber / Green, Emerging / Expected / Exemplary, Met /
   Partly met / Not met). Named points may carry `meets_duty` (a duty scale) and `priority`
   (1 first: Red 1, Amber 2) from the framework file. */
(function (toolkit) {
  "use strict";

  function isNumeric(scale) {
    return scale.points.every(function (point) { return typeof point.value === "number"; });
  }

  function pointOf(scale, value) {
    return value === undefined ? undefined : toolkit.answers.pointFor(scale, value);
  }

  function statementsOf(section) {
    return section.items.filter(function (item) { return item.type === "statement"; });
  }

  function hasEvidence(answer) {
    return Boolean(answer && answer.evidence && String(answer.evidence).trim());
  }

  function round(number) {
    return Math.round(number * 10) / 10;
  }

  /* Whether a statement is rated: every one of its ratings has a point (a statement with no ratings: evidence given). */
  function isRated(statement, answer) {
    if (!statement.ratings.length) { return Boolean(answer && answer.evidence); }
    return statement.ratings.every(function (rating) { return answer !== undefined && answer[rating.id] !== undefined; });
  }

  /* A section's progress: how many of its statements are rated (or, with no ratings, items answered),
     and its status, "completed" (marked so), "in-progress" or "not-started". */
  function sectionProgress(section, answers, completed) {
    var types = toolkit.types;
    var rated = section.items.filter(function (item) { return item.type === "statement" && item.ratings.length; });
    var counted = rated.length ? rated : section.items.filter(function (item) { return types.of(item).answered; });
    var done = counted.filter(function (item) {
      return rated.length ? isRated(item, answers[item.id]) : types.isStarted(item, answers[item.id]);
    }).length;
    var started = section.items.some(function (item) { return types.isStarted(item, answers[item.id]); });
    return {
      done: done,
      total: counted.length,
      verb: rated.length ? "rated" : "answered",
      status: completed[section.id] ? "completed" : (started ? "in-progress" : "not-started")
    };
  }

  /* One rating across a set of statements: how many are rated, not applicable and not rated, and the
     average (numeric scales) or the count of each point (named points). */
  function tally(statements, answers, ratingId, scale) {
    var figures = { rating: ratingId, scale: scale, numeric: isNumeric(scale), statements: 0,
                    rated: 0, notApplicable: 0, notRated: 0, average: null, counts: {} };
    var total = 0;
    scale.points.forEach(function (point) { if (!point.not_applicable) { figures.counts[point.value] = 0; } });
    statements.forEach(function (statement) {
      figures.statements += 1;
      var point = pointOf(scale, (answers[statement.id] || {})[ratingId]);
      if (!point) {
        figures.notRated += 1;
      } else if (point.not_applicable) {
        figures.notApplicable += 1;
      } else {
        figures.rated += 1;
        figures.counts[point.value] += 1;
        if (figures.numeric) { total += point.value; }
      }
    });
    if (figures.numeric && figures.rated) { figures.average = round(total / figures.rated); }
    return figures;
  }

  /* The ratings asked in a set of statements, in order of first use: [{ id, scale id }]. */
  function ratingsOf(statements) {
    var seen = {};
    var ratings = [];
    statements.forEach(function (statement) {
      statement.ratings.forEach(function (rating) {
        var key = rating.id + " " + rating.scale;
        if (!seen[key]) {
          seen[key] = true;
          ratings.push(rating);
        }
      });
    });
    return ratings;
  }

  function tallies(framework, statements, answers) {
    return ratingsOf(statements).map(function (rating) {
      var asked = statements.filter(function (statement) {
        return statement.ratings.some(function (r) { return r.id === rating.id && r.scale === rating.scale; });
      });
      return tally(asked, answers, rating.id, framework.scales[rating.scale]);
    });
  }

  /* The summary of one assessment: per section, its progress, each rating's figures and how many rated
     statements have no evidence; and the same figures for the whole framework.
     { sections: [{ id, progress, ratings: [tally], withoutEvidence }], overall: { ratings, withoutEvidence } } */
  function summarise(framework, answers, completed) {
    function withoutEvidence(statements) {
      return statements.filter(function (statement) {
        return statement.evidence && statement.ratings.length &&
          statement.ratings.some(function (rating) { return (answers[statement.id] || {})[rating.id] !== undefined; }) &&
          !hasEvidence(answers[statement.id]);
      }).length;
    }
    var all = [];
    var sections = framework.sections.map(function (section) {
      var statements = statementsOf(section);
      all = all.concat(statements);
      return {
        id: section.id,
        progress: sectionProgress(section, answers, completed || {}),
        ratings: tallies(framework, statements, answers),
        withoutEvidence: withoutEvidence(statements)
      };
    });
    return { sections: sections, overall: { ratings: tallies(framework, all, answers), withoutEvidence: withoutEvidence(all) } };
  }

  /* A statement's "now" and "target": its first two ratings, when both use the same numeric scale. */
  function nowAndTarget(framework, statement) {
    var ratings = statement.ratings;
    if (ratings.length !== 2 || ratings[0].scale !== ratings[1].scale || !isNumeric(framework.scales[ratings[0].scale])) {
      return null;
    }
    return { now: ratings[0].id, target: ratings[1].id, scale: framework.scales[ratings[0].scale] };
  }

  /* Seed 000's "join the dots" profile: every statement asked now and target, in order, with the
     number given for each, or null where not rated or not applicable (those dots are missed out). */
  function profile(framework, answers) {
    var dots = [];
    framework.sections.forEach(function (section) {
      statementsOf(section).forEach(function (statement) {
        var pair = nowAndTarget(framework, statement);
        if (!pair) { return; }
        var answer = answers[statement.id] || {};
        function value(ratingId) {
          var point = pointOf(pair.scale, answer[ratingId]);
          return point && !point.not_applicable ? point.value : null;
        }
        dots.push({ item: statement.id, section: section.id, now: value(pair.now), target: value(pair.target) });
      });
    });
    return dots;
  }

  var DUTY_ORDER = { "not-met": 0, partly: 1 };

  /* How far a rated statement is from where it should be, as a sort key within its group, or null when
     it is not a priority: [group, key…]. Groups: 0 statutory duties not met, 1 gaps, 2 named points. */
  function urgency(framework, statement, answer) {
    var keys = [];
    statement.ratings.forEach(function (rating) {
      var point = pointOf(framework.scales[rating.scale], answer[rating.id]);
      if (!point || point.not_applicable) { return; }
      if (point.meets_duty in DUTY_ORDER) { keys.push({ rating: rating.id, point: point.value, duty: point.meets_duty, order: DUTY_ORDER[point.meets_duty] }); }
      else if (point.priority) { keys.push({ rating: rating.id, point: point.value, order: 1 + point.priority }); }
    });
    keys.sort(function (a, b) { return a.order - b.order; });
    var pair = nowAndTarget(framework, statement);
    var gap = null;
    if (pair) {
      var now = pointOf(pair.scale, answer[pair.now]);
      var target = pointOf(pair.scale, answer[pair.target]);
      if (now && target && !now.not_applicable && !target.not_applicable && target.value > now.value) {
        gap = { now: now.value, target: target.value, gap: target.value - now.value };
      }
    }
    if (statement.statutory && (keys.length || gap)) {
      return { group: 0, order: keys.length ? keys[0].order : 10, worst: keys[0] || null, gap: gap };
    }
    if (gap) { return { group: 1, gap: gap }; }
    if (keys.length) { return { group: 2, order: keys[0].order, worst: keys[0] }; }
    return null;
  }

  /* The ranked priorities of an assessment, by the rule that ruleOf() states:
     [{ item, section, group: "duty" | "gap" | "rating", worst?: { rating, point, duty? }, gap?: { now, target, gap }, noEvidence }] */
  function priorities(framework, answers) {
    var found = [];
    var place = 0;
    framework.sections.forEach(function (section) {
      statementsOf(section).forEach(function (statement) {
        var answer = answers[statement.id] || {};
        var rank = urgency(framework, statement, answer);
        place += 1;
        if (!rank) { return; }
        found.push({ rank: rank, place: place, entry: {
          item: statement.id,
          section: section.id,
          group: ["duty", "gap", "rating"][rank.group],
          worst: rank.worst ? { rating: rank.worst.rating, point: rank.worst.point } : null,
          gap: rank.gap || null,
          noEvidence: statement.evidence && !hasEvidence(answer)
        } });
      });
    });
    found.sort(function (a, b) {
      return a.rank.group - b.rank.group ||
        (a.rank.group === 1 ? b.rank.gap.gap - a.rank.gap.gap || a.rank.gap.now - b.rank.gap.now : a.rank.order - b.rank.order) ||
        a.place - b.place;
    });
    return found.map(function (found) { return found.entry; });
  }

  /* The priority rule of a framework in plain words, one sentence a step. labelOf(ratingId) names a rating. */
  function ruleOf(framework, labelOf) {
    var statements = [];
    framework.sections.forEach(function (section) { statements = statements.concat(statementsOf(section)); });
    var rule = [];
    if (statements.some(function (statement) { return statement.statutory; })) {
      rule.push("First, statutory duties that are not fully met, the least met first.");
    }
    var pair = statements.map(function (statement) { return nowAndTarget(framework, statement); }).find(Boolean);
    if (pair) {
      rule.push("Then the statements with the biggest gap between “" + labelOf(pair.now) + "” and “" + labelOf(pair.target) +
                "”; where two gaps are the same, the lower “" + labelOf(pair.now) + "” comes first.");
    }
    var named = [];
    ratingsOf(statements).forEach(function (rating) {
      framework.scales[rating.scale].points.forEach(function (point) {
        if (point.priority && !point.meets_duty) { named.push(point); }
      });
    });
    named.sort(function (a, b) { return a.priority - b.priority; });
    if (named.length) {
      rule.push("Then the statements rated " + named.map(function (point) { return point.label; })
        .filter(function (label, index, labels) { return labels.indexOf(label) === index; }).join(", then ") + ".");
    }
    if (!rule.length) { return []; }
    rule[0] = rule[0].replace(/^Then the/, "First, the");
    rule.push("Within each step, statements keep the framework's order. A statement rated without any evidence is marked “No evidence yet”.");
    return rule;
  }

  toolkit.scoring = {
    isRated: isRated,
    sectionProgress: sectionProgress,
    isNumeric: isNumeric,
    summarise: summarise,
    profile: profile,
    priorities: priorities,
    ruleOf: ruleOf
  };
}(window.SendToolkit = window.SendToolkit || {}));
