// Needs: answers, types
/* Response type "choices" (choose several): options with a check box each; tick every one that applies.
   Answer: { <option id>: "chosen" } for each option ticked. Controls: the check box "<id>--<option id>". Each option
   is a part of its own, so two people who ticked different options keep both when their copies are merged. */
(function (toolkit) {
  "use strict";

  var CHOSEN = "chosen";

  function misfit(framework, item, part, value) {
    if (item.options.indexOf(part) < 0) { return "this option is no longer in the framework"; }
    return value === CHOSEN ? null : "this is not a choice the page can show";
  }

  toolkit.types.register("choices", {
    parts: function (item) { return item.options; },
    misfit: misfit,
    valueText: function (framework, item, part, value) { return value === CHOSEN ? "Chosen" : value === undefined ? "Not chosen" : String(value); },
    change: function (framework, item, part, control) {
      var value = control.checked ? CHOSEN : undefined;
      return function (record) { toolkit.answers.setPart(record.answers, item.id, part, value); };
    }
  });
}(window.SendToolkit = window.SendToolkit || {}));
