// Needs: types
/* Response type "guidance": text to read, with nothing to answer. */
(function (toolkit) {
  "use strict";

  toolkit.types.register("guidance", {
    answered: false,
    parts: function () { return []; }
  });
}(window.SendToolkit = window.SendToolkit || {}));
