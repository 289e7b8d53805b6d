// Needs: dom
/* Charts: SVG drawn from figures, with no text from users in them. Each chart is drawn in shapes and
   patterns as well as colour, so it reads in black and white and without colour vision; the page
   gives the same figures as a table and a sentence beside it. Colours come from site.css classes. */
(function (toolkit) {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var shorten = toolkit.dom.shorten;
  var WIDTH = 640;
  var charts = 0;

  function svgElement(name, attributes, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function chart(height, title) {
    charts += 1;
    var svg = svgElement("svg", { viewBox: "0 0 " + WIDTH + " " + height, width: WIDTH, height: height,
                                  class: "chart", role: "img", "aria-labelledby": "chart-" + charts + "-title",
                                  "data-chart": charts });
    svg.appendChild(svgElement("title", { id: "chart-" + charts + "-title" }, title));
    var defs = svg.appendChild(svgElement("defs"));
    var hatch = defs.appendChild(svgElement("pattern", { id: "chart-" + charts + "-hatch", width: 6, height: 6,
                                                          patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }));
    hatch.appendChild(svgElement("rect", { width: 2, height: 6, class: "chart__ink" }));
    var dots = defs.appendChild(svgElement("pattern", { id: "chart-" + charts + "-dots", width: 6, height: 6, patternUnits: "userSpaceOnUse" }));
    dots.appendChild(svgElement("circle", { cx: 3, cy: 3, r: 1.4, class: "chart__ink" }));
    return svg;
  }

  /* The texture laid over a bar's colour so it reads without colour: index 0 plain, 1 hatched, 2 dotted. */
  function texture(svg, index) {
    var names = [null, "hatch", "dots"];
    var name = names[index % names.length];
    return name ? "url(#chart-" + svg.getAttribute("data-chart") + "-" + name + ")" : null;
  }

  function bar(svg, x, y, width, height, kind, index) {
    svg.appendChild(svgElement("rect", { x: x, y: y, width: Math.max(width, 0), height: height, class: "chart__bar chart__bar--" + kind }));
    var pattern = texture(svg, index);
    if (pattern && width > 0) {
      svg.appendChild(svgElement("rect", { x: x, y: y, width: width, height: height, fill: pattern, class: "chart__texture" }));
    }
  }

  /* The key, one entry a line from the top; returns its height. */
  function legend(svg, entries) {
    entries.forEach(function (entry, index) {
      var y = index * 20;
      if (entry.marker) {
        svg.appendChild(svgElement("line", { x1: 0, y1: y + 7, x2: 28, y2: y + 7, class: "chart__line chart__line--" + entry.kind }));
        marker(svg, entry.marker, 14, y + 7, entry.kind);
      } else {
        bar(svg, 0, y, 28, 14, entry.kind, entry.texture === undefined ? index : entry.texture);
        svg.appendChild(svgElement("rect", { x: 0, y: y, width: 28, height: 14, class: "chart__frame", fill: "none" }));
      }
      svg.appendChild(svgElement("text", { x: 36, y: y + 12, class: "chart__label" }, entry.label));
    });
    return entries.length * 20;
  }

  function marker(svg, shape, x, y, kind) {
    var attributes = shape === "square" ? { x: x - 4.5, y: y - 4.5, width: 9, height: 9 } : { cx: x, cy: y, r: 5 };
    attributes.class = "chart__marker chart__marker--" + kind;
    svg.appendChild(svgElement(shape === "square" ? "rect" : "circle", attributes));
  }

  /* The marker drawn at every point of a line, made once in the chart's definitions; returns its id. */
  function vertex(svg, shape, kind) {
    var id = "chart-" + svg.getAttribute("data-chart") + "-" + kind;
    var definition = svg.querySelector("defs").appendChild(svgElement("marker", {
      id: id, markerUnits: "userSpaceOnUse", markerWidth: 12, markerHeight: 12, refX: 6, refY: 6, viewBox: "0 0 12 12" }));
    marker(definition, shape, 6, 6, kind);
    return id;
  }

  /* Seed 000's "join the dots" profile: statements down the side, the scale across, a line joining the
     "now" dots (circles, solid) and one joining the "target" dots (squares, dashed). Missing dots
     (not rated, not applicable) are missed out and the line joins the next one, as the paper form says.
     dots: [{ label, now, target, first (the first of its section) }]; scale: { min, max }; names: { now, target }. */
  function profile(dots, scale, names, title) {
    var top = 2 * 20 + 34;
    var row = 18;
    var left = 64;
    var right = WIDTH - 16;
    var height = top + dots.length * row + 10;
    var svg = chart(height, title);
    legend(svg, [{ label: names.now, kind: "now", marker: "circle" }, { label: names.target, kind: "target", marker: "square" }]);
    function xOf(value) { return left + (value - scale.min) * (right - left) / (scale.max - scale.min); }
    for (var value = scale.min; value <= scale.max; value += 1) {
      svg.appendChild(svgElement("line", { x1: xOf(value), y1: top - 6, x2: xOf(value), y2: height - 10, class: "chart__grid" }));
      svg.appendChild(svgElement("text", { x: xOf(value), y: top - 12, class: "chart__label chart__label--middle" }, String(value)));
    }
    dots.forEach(function (dot, index) {
      svg.appendChild(svgElement("text", { x: 0, y: top + index * row + row / 2 + 4, class: "chart__label" }, shorten(dot.label, 9)));
      if (dot.first && index) {
        svg.appendChild(svgElement("line", { x1: 0, y1: top + index * row, x2: right, y2: top + index * row, class: "chart__section" }));
      }
    });
    ["now", "target"].forEach(function (kind) {
      var points = [];
      dots.forEach(function (dot, index) {
        if (dot[kind] !== null) { points.push([xOf(dot[kind]), top + index * row + row / 2]); }
      });
      var shape = kind === "now" ? "circle" : "square";
      if (points.length > 1) {   // one line, its dots drawn by the browser at each point (an element a dot took 44 ms at 1,000)
        var dot = "url(#" + vertex(svg, shape, kind) + ")";
        svg.appendChild(svgElement("polyline", { points: points.map(function (p) { return p.join(","); }).join(" "),
                                                 class: "chart__line chart__line--" + kind, fill: "none",
                                                 "marker-start": dot, "marker-mid": dot, "marker-end": dot }));
      } else {
        points.forEach(function (p) { marker(svg, shape, p[0], p[1], kind); });
      }
    });
    return svg;
  }

  /* Horizontal bars, one group a row: rows [{ label, bars: [{ value, kind, texture?, text }] }] where a
     row's bars are stacked when stacked is true (counts that add up to the row's whole, drawn full
     width), else drawn one under another against options.max (averages), each labelled with its
     text. key: [{ label, kind, texture? }] */
  function bars(rows, options, title) {
    var left = 0;
    var width = WIDTH - 60;
    var barHeight = 16;
    var perRow = 22 + (options.stacked ? barHeight : rows.reduce(function (most, r) { return Math.max(most, r.bars.length); }, 1) * (barHeight + 2)) + 10;
    var top = options.key.length * 20 + 8;
    var svg = chart(top + rows.length * perRow, title);
    legend(svg, options.key);
    rows.forEach(function (row, index) {
      var y = top + index * perRow;
      svg.appendChild(svgElement("text", { x: left, y: y + 14, class: "chart__label chart__label--strong" }, shorten(row.label, 80)));
      var x = left;
      var whole = options.stacked ? row.bars.reduce(function (sum, item) { return sum + item.value; }, 0) : options.max;
      row.bars.forEach(function (item, barIndex) {
        var length = whole ? item.value * width / whole : 0;
        var barY = options.stacked ? y + 20 : y + 20 + barIndex * (barHeight + 2);
        var barX = options.stacked ? x : left;
        bar(svg, barX, barY, length, barHeight, item.kind, item.texture === undefined ? barIndex : item.texture);
        if (options.stacked) {
          if (item.value && length > 22) {
            svg.appendChild(svgElement("text", { x: barX + length / 2, y: barY + 12, class: "chart__count chart__label--middle", "paint-order": "stroke" }, String(item.value)));
          }
          x += length;
        } else {
          svg.appendChild(svgElement("text", { x: barX + length + 6, y: barY + 12, class: "chart__label" }, item.text));
        }
      });
      if (options.stacked) {
        svg.appendChild(svgElement("rect", { x: left, y: y + 20, width: width, height: barHeight, class: "chart__frame", fill: "none" }));
      }
    });
    return svg;
  }

  toolkit.charts = { profile: profile, bars: bars };
}(window.SendToolkit = window.SendToolkit || {}));
