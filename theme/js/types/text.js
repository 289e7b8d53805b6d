// Needs: types
/* Response type "text": a question answered in the person's own words.
   Answer: { answer: "text" }. Control: the box "<id>--answer". */
(function (toolkit) {
  "use strict";

  toolkit.types.register("text", {
    isText: function () { return true; },
    textParts: function () { return ["answer"]; },
    partName: function () { return "Answer"; }
  });
}(window.SendToolkit = window.SendToolkit || {}));
