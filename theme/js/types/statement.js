// Needs: answers, dom, types
/* Response type "statement": a statement rated on its ratings' scales, with evidence.
   Answer: { <rating id>: point value, evidence: "text" }. Controls: a radio group "<id>--<rating id>" per
   rating, each with a Clear button, and the box "<id>--evidence"; the chosen band's exemplars shown under them. */
(function (toolkit) {
  "use strict";

  var answers = toolkit.answers;
  var element = toolkit.dom.element;
  var clearButtons = null;   // rating group name -> its Clear button, found on first use

  function ratingOf(item, part) {
    return item.ratings.find(function (rating) { return rating.id === part; });
  }

  /* The visible words of a rating's legend, e.g. "Where you are now". */
  function ratingLabel(itemId, ratingId) {
    var fieldset = document.getElementById(itemId + "--" + ratingId);   // none for a part a file added that is no rating
    return fieldset ? fieldset.querySelector("legend").firstChild.textContent.trim() : ratingId;
  }

  function misfit(framework, item, part, value) {
    if (part === "evidence") { return item.evidence ? null : "this statement no longer asks for evidence"; }
    var rating = ratingOf(item, part);
    if (!rating) { return "this rating is no longer in the framework"; }
    return answers.pointFor(framework.scales[rating.scale], value) ? null : "this is no longer on the rating's scale";
  }

  /* A rating as people read it: its point's label, or the number; "Not rated" when there is none. */
  function valueText(framework, item, part, value) {
    var rating = ratingOf(item, part);
    if (value === undefined) { return rating ? "Not rated" : "No answer"; }
    if (!rating) { return String(value); }
    var point = answers.pointFor(framework.scales[rating.scale], value);
    if (!point) { return String(value) + " (not on this scale)"; }
    if (point.not_applicable) { return String(point.value) + " (not applicable)"; }
    return typeof point.value === "number" ? String(point.value) : (point.label || String(point.value));
  }

  /* ---- in the page: Clear buttons and the chosen band's exemplars */

  function change(framework, item, part, control, ui) {
    var value = control.value;
    if (part !== "evidence") {
      var point = answers.pointFor(framework.scales[ratingOf(item, part).scale], value);
      value = point && control.checked ? point.value : undefined;   // a cleared group sends change unchecked
      showExtras(framework, item, ui);
    }
    return function (record) { answers.setPart(record.answers, item.id, part, value); };
  }

  function fill(framework, item, answer, ui) {
    toolkit.types.fillControls(item, answer, ui);
    showExtras(framework, item, ui);
  }

  function showExtras(framework, item, ui) {
    if (!clearButtons) {
      clearButtons = {};
      document.querySelectorAll("[data-clear]").forEach(function (button) { clearButtons[button.dataset.clear] = button; });
    }
    item.ratings.forEach(function (rating) {
      var chosen = ui.group(item.id + "--" + rating.id).some(function (radio) { return radio.checked; });
      var clear = clearButtons[item.id + "--" + rating.id];
      if (clear) { clear.hidden = !chosen; }
    });
    var box = document.getElementById(item.id + "--chosen-band");
    if (box) { showChosenBand(framework, item, box, ui); }
  }

  function showChosenBand(framework, item, box, ui) {
    box.textContent = "";
    var shown = {};
    item.ratings.forEach(function (rating) {
      var checked = ui.group(item.id + "--" + rating.id).find(function (radio) { return radio.checked; });
      if (!checked) { return; }
      var scale = framework.scales[rating.scale];
      var point = answers.pointFor(scale, checked.value);
      var label = ratingLabel(item.id, rating.id);
      if (point.not_applicable) {
        box.appendChild(element("p", label + ": not applicable, so this statement is left out of scores."));
        return;
      }
      var band = (scale.bands || []).find(function (b) { return point.value >= b.min && point.value <= b.max; });
      if (!band) { return; }
      var exemplars = document.getElementById(item.id).querySelector('[data-band="' + band.id + '"]');
      var sentence = label + ": " + point.value + " is in the band “" + bandLabel(exemplars, band) + "”";
      if (shown[band.id]) {
        box.appendChild(element("p", sentence + " too."));
        return;
      }
      shown[band.id] = true;
      var list = exemplars && exemplars.querySelector("ul");
      box.appendChild(element("p", sentence + (list ? ". What this can look like:" : ".")));
      if (list) { box.appendChild(list.cloneNode(true)); }
    });
  }

  /* A band's name from its exemplars' heading (exemplars: the band's element, or null). */
  function bandLabel(exemplars, band) {
    return exemplars ? exemplars.querySelector(".exemplars__heading").firstChild.textContent.trim() : band.id;
  }

  /* Clear: uncheck the group, and save that as any change is saved. */
  function click(framework, button, ui) {
    if (!button.dataset.clear) { return false; }
    var radios = ui.group(button.dataset.clear);
    radios.forEach(function (radio) { radio.checked = false; });
    if (radios.length) {
      radios[0].dispatchEvent(new Event("change", { bubbles: true }));
      radios[0].focus();
    }
    return true;
  }

  toolkit.types.register("statement", {
    parts: function (item) { return item.ratings.map(function (rating) { return rating.id; }).concat(item.evidence ? ["evidence"] : []); },
    isText: function (item, part) { return part === "evidence"; },
    textParts: function () { return ["evidence"]; },
    misfit: misfit,
    valueText: valueText,
    partName: function (framework, item, part) { return part === "evidence" ? null : ratingLabel(item.id, part); },
    change: change,
    fill: fill,
    click: click,
    ratingLabel: ratingLabel
  });
}(window.SendToolkit = window.SendToolkit || {}));
