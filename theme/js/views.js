// Needs: nothing
/* Views: which part of the one framework page is showing, from the URL fragment.
   #<view id> for each of the page's views (build.py's VIEWS, in the framework data: #overview, #summary, …),
   #<section id>, #<statement or item id> (its section, scrolled to it), #action-<action id> (the plan, at that
   action) and #compare-<review point id>. Links and back/forward change the fragment; the page shows that view,
   names it in the title, moves focus to its heading, and asks the script that registered the view to show it
   (and every other view's script that it is not showing). */
(function (toolkit) {
  "use strict";

  var registered = Object.create(null);   // view id -> { show(where, page), leave() }

  /* A script says how it shows a view: show(where, page) draws it (page: what the app knows, see app.js), and
     leave() is called whenever another view shows. */
  function register(id, view) {
    registered[id] = Object.assign({ show: function () {}, leave: function () {} }, view);
  }

  /* Tell each registered view whether it is showing now. */
  function tell(where, page) {
    Object.keys(registered).forEach(function (id) {
      if (id === where.view) { registered[id].show(where, page); } else { registered[id].leave(); }
    });
  }

  /* A fragment as text: a "%" that is not part of an escape is kept as it is. */
  function decoded(text) {
    try {
      return decodeURIComponent(text);
    } catch (error) {
      return text;
    }
  }

  /* What a fragment asks for: { view, section?, target?, reviewPoint? }, or null for the skip link's
     #main, which moves focus within the view showing. Pure. */
  function route(hash, framework) {
    var name = decoded(String(hash || "").replace(/^#/, ""));
    if (name === "main") { return null; }
    // #compare alone names no review point to compare with: it is reached as #compare-<review point id>
    if (name !== "compare" && framework.views.indexOf(name) >= 0) { return { view: name }; }
    if (name.indexOf("compare-") === 0) { return { view: "compare", reviewPoint: name.slice("compare-".length) }; }
    if (framework.sections.some(function (section) { return section.id === name; })) {
      return { view: "section", section: name };
    }
    var section = framework.sectionOf[name];
    if (section) { return { view: "section", section: section.id, target: name }; }
    if (name.indexOf("action-") === 0) { return { view: "plan", target: name + "--target" }; }
    return { view: "overview" };
  }

  /* Where focus is, so that it can be found again after a redraw: { id, path }, the nearest element
     with an id at or above it and the child positions from there down; null when nothing is focused. */
  function placeOf(element) {
    var path = [];
    while (element && element !== document.body && !element.id) {
      path.unshift(Array.prototype.indexOf.call(element.parentNode.children, element));
      element = element.parentNode;
    }
    return element && element.id ? { id: element.id, path: path } : null;
  }

  function elementAt(place) {
    return place.path.reduce(function (element, index) {
      return element && element.children[index];
    }, document.getElementById(place.id));
  }

  /* Redraw without moving the person: after another tab's save redraws the view, focus, the caret or
     selection, and the scroll position are where they were, on the control with the same id (or at the
     same place under the nearest element with one). */
  function keepFocus(redraw) {
    var before = document.activeElement;
    var place = placeOf(before);
    var caret = before && typeof before.selectionStart === "number" ?
      [before.selectionStart, before.selectionEnd, before.selectionDirection] : null;
    var scrolled = [window.scrollX, window.scrollY];
    redraw();
    var after = place && elementAt(place);
    if (after && after !== document.activeElement) { after.focus({ preventScroll: true }); }
    if (after && caret && typeof after.selectionStart === "number") { after.setSelectionRange(caret[0], caret[1], caret[2]); }
    window.scrollTo(scrolled[0], scrolled[1]);
  }

  function create(framework, onShow) {
    var baseTitle = document.title;
    var views = Array.prototype.slice.call(document.querySelectorAll("[data-view]"));

    function show(where, moveFocus) {
      showing = where;
      views.forEach(function (element) {
        element.hidden = where.view === "section" ? element.id !== where.section : element.id !== where.view;
      });
      var heading = headingOf(where);
      var name = where.view === "overview" ? "" : heading.textContent.trim();
      document.title = name ? name + " - " + baseTitle : baseTitle;
      onShow(where);
      if (!moveFocus) { return; }
      var target = where.target && (document.getElementById(where.target + "-text") || document.getElementById(where.target)) || heading;
      if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
      if (!where.target) { window.scrollTo(0, 0); }
      target.focus();  // and scrolled into the window if it is not there already (a narrow or zoomed window)
    }

    function headingOf(where) {
      if (where.view === "overview") { return document.getElementById("framework-title"); }
      if (where.view === "section") { return document.getElementById(where.section + "-title"); }
      return document.getElementById(where.view + "-title");
    }

    var showing = { view: "overview" };

    function current() {
      return route(window.location.hash, framework) || showing;
    }

    window.addEventListener("hashchange", function () {
      if (route(window.location.hash, framework)) { show(current(), true); }
    });

    return {
      current: current,
      /* Show the view the URL names; focus its heading unless this is the plain first opening of the page. */
      start: function () { show(current(), Boolean(window.location.hash)); },
      /* Go to a view: a new history entry, as a link would make. */
      go: function (hash) {
        if (window.location.hash === hash) { show(current(), true); } else { window.location.hash = hash; }
      }
    };
  }

  toolkit.views = { route: route, create: create, keepFocus: keepFocus, register: register, tell: tell,
                    registered: function () { return Object.keys(registered); } };
}(window.SendToolkit = window.SendToolkit || {}));
