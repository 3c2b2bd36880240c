/* aicosts: draw the site's Altair charts with the Vega libraries served from _static, sized to
 * the text column and coloured for the page's theme.
 *
 * Each chart cell's output is a <div class="aicosts-chart"> plus one call to
 * aicostsEmbed(id, spec), written by docs/_ext/aicosts_charts.py. The Vega bundle
 * (window.vegaEmbed) is a plain <script> in <head>, loaded before this file. Charts are drawn once
 * the page is parsed (the column's width is known then), and drawn again when their column changes
 * width (debounced) or the reader switches between light and dark (`data-theme` on <html>). The
 * values of a chart's controls survive a redraw.
 *
 * What the page's spec is given before it is drawn (the page's code stays plain Altair; a fixed
 * `width=` in it is a width for notebooks, overridden here):
 *
 * - a single or layered view: `width: "container"` with `autosize: fit-x` (padding included), so
 *   the whole chart, axes and legends included, is as wide as its column;
 * - a concatenated, faceted or repeated view: numeric widths for its cells, solved from two
 *   measured drawings (width = a + n * cell width) so the whole fits; rows of views (hconcat) and
 *   column facets are wrapped to one column on narrow screens;
 * - titles, subtitles and axis titles split into lines at the measured width of their font;
 * - on narrow columns (< 560 px) legends below the plot, one entry per line, labels up to the
 *   column's width; a chart still wider than its column after drawing gets the same treatment;
 * - in dark mode a dark background and light text, grid and palette (from the theme's colours);
 * - no vega-embed actions button over the chart: "Save as SVG" and "Save as PNG" buttons sit
 *   below it.
 *
 * A chart that cannot be drawn shows an error box (class "error") and logs a console error, which
 * the browser test treats as a failure. While a chart is being drawn or fitted its container has
 * the attribute data-aicosts-busy.
 */
(function () {
  "use strict";
  var NARROW = 560; // px: narrower charts put legends below the plot
  var MIN_CELL = 60; // px: the narrowest cell of a compound view
  var LEGEND_CHANNELS = [
    "color", "fill", "stroke", "shape", "size", "opacity", "fillOpacity", "strokeOpacity",
    "strokeDash", "strokeWidth", "angle",
  ];
  var OPTIONS = { renderer: "svg", actions: false };
  /* The number formatters of aicosts_present as Vega expression functions (aicosts-format.js). */
  if (window.aicostsFormat) OPTIONS.expressionFunctions = window.aicostsFormat.vegaFunctions;
  var charts = [];
  var queue = [];

  /* The Vega view of each chart by container id: lets the browser test drive the what-if
   * controls and read back what the chart shows. */
  window.aicostsViews = window.aicostsViews || {};

  function isObject(x) {
    return x !== null && typeof x === "object" && !Array.isArray(x);
  }
  function clone(x) {
    return JSON.parse(JSON.stringify(x));
  }
  function theme() {
    return document.documentElement.getAttribute("data-theme") === "dark" ? "dark" : "light";
  }

  /* ------------------------------------------------------------------ text measurement */
  var canvas = null;
  function textWidth(text, font) {
    canvas = canvas || document.createElement("canvas");
    var ctx = canvas.getContext("2d");
    ctx.font = font;
    return ctx.measureText(text).width;
  }
  function font(size, weight, family) {
    return (weight || "normal") + " " + size + "px " + family;
  }
  /* Split text (a string or a list of lines) into lines no wider than width; a word wider than
   * the width keeps a line of its own. */
  function wrap(text, width, fontSpec) {
    var lines = [];
    (Array.isArray(text) ? text : [text]).forEach(function (part) {
      var line = "";
      String(part).split(/\s+/).filter(Boolean).forEach(function (word) {
        var next = line ? line + " " + word : word;
        if (line && textWidth(next, fontSpec) > width) {
          lines.push(line);
          line = word;
        } else {
          line = next;
        }
      });
      if (line) lines.push(line);
    });
    return lines.length === 1 ? lines[0] : lines;
  }

  /* ------------------------------------------------------------------ spec traversal */
  function kind(spec) {
    if (spec.vconcat) return "vconcat";
    if (spec.hconcat) return "hconcat";
    if (spec.concat) return "concat";
    if (spec.facet || spec.repeat) return "facet";
    var enc = spec.encoding || {};
    if (enc.row || enc.column || enc.facet) return "facet";
    return "unit"; // a single view or a layer
  }
  /* Call fn on every view of the spec, nested ones included. */
  function eachView(spec, fn) {
    if (!isObject(spec)) return;
    fn(spec);
    ["layer", "vconcat", "hconcat", "concat"].forEach(function (key) {
      (spec[key] || []).forEach(function (child) {
        eachView(child, fn);
      });
    });
    if (isObject(spec.spec)) eachView(spec.spec, fn);
  }
  /* The views whose width sets the width of a compound chart. */
  function cells(spec) {
    var k = kind(spec);
    if (k === "unit") return [spec];
    if (k === "facet") return isObject(spec.spec) ? cells(spec.spec) : [spec];
    var out = [];
    (spec.vconcat || spec.hconcat || spec.concat).forEach(function (child) {
      out = out.concat(cells(child));
    });
    return out;
  }

  /* ------------------------------------------------------------------ colours */
  function cssVar(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }
  function luminance(colour) {
    if (typeof colour !== "string") return null;
    var c = colour.trim().toLowerCase();
    if (c === "black") return 0;
    var m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(c);
    if (!m) return null;
    var hex = m[1].length === 3 ? m[1].replace(/./g, "$&$&") : m[1];
    var rgb = [0, 2, 4].map(function (i) {
      var v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  }
  function merge(target, source) {
    Object.keys(source).forEach(function (key) {
      if (isObject(source[key]) && isObject(target[key])) merge(target[key], source[key]);
      else target[key] = source[key];
    });
    return target;
  }
  /* Dark mode: the theme's background and text colours; ink the page set near-black becomes
   * the theme's text colour, so value labels and rules stay readable. */
  function darken(spec) {
    var bg = cssVar("--pst-color-background", "#14181e");
    var text = cssVar("--pst-color-text-base", "#ced6dd");
    var muted = cssVar("--pst-color-text-muted", "#9ca4af");
    var grid = cssVar("--pst-color-border-muted", "#29313d");
    var line = cssVar("--pst-color-border", "#48566b");
    var cfg = (spec.config = spec.config || {});
    merge(cfg, {
      background: bg,
      title: { color: text, subtitleColor: muted },
      axis: { labelColor: text, titleColor: text, gridColor: grid, domainColor: line,
              tickColor: line },
      legend: { labelColor: text, titleColor: text },
      header: { labelColor: text, titleColor: text },
      text: { color: text },
      view: { stroke: "transparent" },
    });
    var category = cfg.range && cfg.range.category;
    if (Array.isArray(category)) {
      cfg.range.category = category.map(function (c) {
        var l = luminance(c);
        return l !== null && l < 0.05 ? text : c;
      });
    }
    function lighten(holder, key) {
      var l = luminance(holder[key]);
      if (l !== null && l < 0.05) holder[key] = text;
    }
    eachView(spec, function (view) {
      if (isObject(view.mark)) ["color", "fill", "stroke"].forEach(function (k) {
        lighten(view.mark, k);
      });
      var enc = view.encoding || {};
      ["color", "fill", "stroke"].forEach(function (k) {
        if (isObject(enc[k]) && "value" in enc[k]) lighten(enc[k], "value");
      });
    });
  }

  /* ------------------------------------------------------------------ fitting */
  function titleFonts(cfg) {
    var t = cfg.title || {};
    var family = t.font || cfg.font || "sans-serif";
    return {
      title: font(t.fontSize || 13, t.fontWeight || "bold", family),
      subtitle: font(t.subtitleFontSize || t.fontSize || 12, t.subtitleFontWeight || "normal",
                     t.subtitleFont || family),
    };
  }
  function wrapTitle(spec, width) {
    if (!spec.title) return;
    var fonts = titleFonts(spec.config || {});
    var title = isObject(spec.title) ? spec.title : { text: spec.title };
    title.text = wrap(title.text, width, fonts.title);
    if (title.subtitle) title.subtitle = wrap(title.subtitle, width, fonts.subtitle);
    title.frame = title.frame || "bounds";
    spec.title = title;
  }
  function wrapAxisTitles(spec, plotWidth, plotHeight) {
    var a = (spec.config || {}).axis || {};
    var f = font(a.titleFontSize || 11, a.titleFontWeight || "bold",
                 a.titleFont || (spec.config || {}).font || "sans-serif");
    eachView(spec, function (view) {
      var enc = view.encoding || {};
      [["x", plotWidth], ["x2", plotWidth], ["y", plotHeight], ["y2", plotHeight]].forEach(
        function (pair) {
          var e = enc[pair[0]];
          if (!isObject(e)) return;
          if (typeof e.title === "string") e.title = wrap(e.title, pair[1], f);
          if (isObject(e.axis) && typeof e.axis.title === "string") {
            e.axis.title = wrap(e.axis.title, pair[1], f);
          }
        });
    });
  }
  /* Legends below the plot, one entry per line, no wider than the chart. labelCap, titleCap:
   * the widths at which a drawn legend's labels and title ended inside the chart (if measured). */
  function legendsBelow(spec, width, labelCap, titleCap) {
    var label = Math.max(40, Math.min(width - 40, labelCap || Infinity));
    var title = Math.max(40, Math.min(width - 16, titleCap || Infinity));
    var below = { orient: "bottom", direction: "vertical", columns: 1 };
    var cfg = (spec.config = spec.config || {});
    cfg.legend = merge(merge(cfg.legend || {}, below), { labelLimit: label, titleLimit: title });
    eachView(spec, function (view) {
      var enc = view.encoding || {};
      LEGEND_CHANNELS.forEach(function (ch) {
        var e = enc[ch];
        if (!isObject(e) || e.legend === null) return;
        var legend = merge(isObject(e.legend) ? e.legend : {}, below);
        legend.labelLimit = Math.min(legend.labelLimit || Infinity, label);
        legend.titleLimit = Math.min(legend.titleLimit || Infinity, title);
        e.legend = legend;
      });
    });
  }
  /* Narrow screens: a row of views becomes a column, column facets wrap to one column. */
  function wrapCompound(spec) {
    if (spec.hconcat) {
      spec.vconcat = spec.hconcat;
      delete spec.hconcat;
    }
    if (spec.concat) spec.columns = 1;
    if (isObject(spec.facet) && spec.facet.column && !spec.facet.row) {
      spec.facet = spec.facet.column;
      spec.columns = 1;
    }
    var enc = spec.encoding || {};
    if (enc.column && !enc.row) {
      enc.facet = merge(clone(enc.column), { columns: 1 });
      delete enc.column;
    }
  }
  function plotHeight(spec) {
    if (typeof spec.height === "number") return spec.height;
    var view = (spec.config || {}).view || {};
    return view.continuousHeight || 300;
  }
  /* The spec as drawn at this width and theme. opts.cellWidth: the width of each cell of a
   * compound chart (default: a first guess); opts.below: legends below even on a wide column;
   * opts.legendShrink: px to take off legend labels; opts.plotWidth: the measured width of the
   * plot, to wrap axis titles at (default: an estimate). */
  function fit(original, width, mode, opts) {
    opts = opts || {};
    var cellWidth = opts.cellWidth;
    var spec = clone(original);
    spec.config = spec.config || {};
    var narrow = width < NARROW;
    if (narrow) wrapCompound(spec);
    var k = kind(spec);
    if (k === "unit") {
      spec.width = "container";
      (spec.layer || []).forEach(function (layer) {
        delete layer.width;
      });
      spec.autosize = { type: "fit-x", contains: "padding" };
    } else {
      var across = k === "vconcat" ? 1 : k === "hconcat" ? spec.hconcat.length : 2;
      var w = cellWidth || Math.max(MIN_CELL, Math.floor((width - 80 * across) / across));
      cells(spec).forEach(function (cell) {
        cell.width = w;
      });
    }
    /* Axis labels: Vega truncates them at 180 px; on a wide column allow 40% of the chart's
     * width, so long category names stay whole. The page's own limit wins. */
    var labelLimit = Math.max(180, Math.round(0.4 * width));
    spec.config.axis = merge({ labelLimit: labelLimit }, spec.config.axis || {});
    var pad = typeof spec.config.padding === "number" ? spec.config.padding : 5;
    wrapTitle(spec, width - 2 * pad - 4);
    var plot = opts.plotWidth || cellWidth || width - 70;
    wrapAxisTitles(spec, Math.max(MIN_CELL, plot), plotHeight(spec));
    if (narrow || opts.below) legendsBelow(spec, width, opts.labelCap, opts.titleCap);
    else spec.config.legend = merge({ labelLimit: Math.max(80, width - 40) }, spec.config.legend || {});
    if (mode === "dark") darken(spec);
    return spec;
  }

  /* ------------------------------------------------------------------ drawing */
  function fail(chart, message) {
    var box = document.createElement("div");
    box.className = "error";
    box.setAttribute("role", "alert");
    box.textContent = "This chart could not be drawn: " + message;
    chart.el.replaceChildren(box);
    chart.el.removeAttribute("data-aicosts-busy");
    console.error("aicosts chart " + chart.el.id + ": " + message);
  }
  function drawnWidth(container) {
    var svg = container.querySelector("svg.marks");
    return svg ? svg.getBoundingClientRect().width : 0;
  }
  /* How far the chart's parts reach past the left and right of its box [px]: the texts of its
   * marks (value labels, annotations), its legends, and any text at all. */
  function overflow(container) {
    var svg = container.querySelector("svg.marks");
    var out = { left: 0, right: 0, legend: 0, any: 0 };
    if (!svg) return out;
    var box = container.getBoundingClientRect();
    function past(el) {
      var r = el.getBoundingClientRect();
      return r.width === 0 ? [0, 0] : [box.left - r.left, r.right - box.right];
    }
    svg.querySelectorAll("g.role-mark text").forEach(function (el) {
      var d = past(el);
      out.left = Math.max(out.left, d[0]);
      out.right = Math.max(out.right, d[1]);
    });
    svg.querySelectorAll("g.role-legend").forEach(function (el) {
      out.legend = Math.max(out.legend, past(el)[0], past(el)[1]);
    });
    /* The width a legend's labels and title may keep to end inside the box. */
    out.labelCap = Infinity;
    out.titleCap = Infinity;
    [["g.role-legend-label text", "labelCap"], ["g.role-legend-title text", "titleCap"]].forEach(
      function (pair) {
        svg.querySelectorAll(pair[0]).forEach(function (el) {
          var r = el.getBoundingClientRect(), over = r.right - box.right;
          if (over > 1) out[pair[1]] = Math.min(out[pair[1]], r.width - over - 2);
        });
      });
    svg.querySelectorAll("text").forEach(function (el) {
      out.any = Math.max(out.any, past(el)[0], past(el)[1]);
    });
    return out;
  }
  function padded(spec, extra) {
    var p = spec.padding !== undefined ? spec.padding : (spec.config || {}).padding;
    var base = typeof p === "number" ? { top: p, bottom: p, left: p, right: p } :
      merge({ top: 5, bottom: 5, left: 5, right: 5 }, isObject(p) ? p : {});
    base.left += extra.left > 0 ? Math.ceil(extra.left) + 2 : 0;
    base.right += extra.right > 0 ? Math.ceil(extra.right) + 2 : 0;
    spec.padding = base;
    return spec;
  }
  /* Keep what the reader set on the controls when the chart is drawn again. */
  function keepControls(chart) {
    if (!chart.view) return;
    eachView(chart.spec, function (view) {
      (view.params || []).forEach(function (p) {
        if (!p.bind || p.select) return;
        try {
          p.value = chart.view.signal(p.name);
        } catch (e) {
          /* not a signal of this view */
        }
      });
    });
  }
  function embed(chart, spec) {
    if (chart.result) chart.result.finalize();
    return window.vegaEmbed(chart.box, spec, OPTIONS).then(function (result) {
      chart.result = result;
      chart.view = result.view;
      window.aicostsViews[chart.el.id] = result.view;
      return drawnWidth(chart.box);
    });
  }
  function draw(chart) {
    keepControls(chart);
    var width = Math.floor(chart.box.clientWidth);
    var mode = theme();
    chart.width = width;
    chart.mode = mode;
    chart.el.setAttribute("data-aicosts-busy", "");
    var token = (chart.token = (chart.token || 0) + 1);
    var done = function () {
      if (token !== chart.token) return;
      chart.el.removeAttribute("data-aicosts-busy");
    };
    var fitted = fit(chart.spec, width, mode);
    var compound = kind(fitted) !== "unit";
    var p = embed(chart, fitted).then(function (drawn) {
      if (token !== chart.token) return null;
      if (!compound) {
        /* Still too wide (a legend, an unbreakable word) or texts past its edges (value labels
         * beyond the bars, annotations): legends below, one per line, and padding for the
         * texts, as much as they stick out. Kept only if it helps. */
        var over = overflow(chart.box);
        if (drawn <= width + 0.5 && over.any <= 0.5 && over.legend <= 0.5) return null;
        var again = {
          below: over.legend > 0.5 || drawn > width + 0.5,
          /* Legends already below, one entry per line: shorten what still sticks out. */
          labelCap: width < NARROW ? over.labelCap : Infinity,
          titleCap: width < NARROW ? over.titleCap : Infinity,
          plotWidth: chart.view.width(),
        };
        var extra = { left: Math.max(0, over.left), right: Math.max(0, over.right) };
        if (extra.left + extra.right > 0.3 * again.plotWidth) extra = { left: 0, right: 0 };
        return embed(chart, padded(fit(chart.spec, width, mode, again), extra)).then(function () {
          if (token !== chart.token) return null;
          var after = overflow(chart.box);
          if (extra.left + extra.right <= 1 || after.left + after.right < over.left + over.right - 1) {
            return null;
          }
          return embed(chart, fit(chart.spec, width, mode, again)); // the padding did not help
        });
      }
      /* A compound chart is a + n * cell wide: measure it at two cell widths and solve. */
      var w0 = cells(fitted)[0].width;
      var w1 = Math.max(MIN_CELL, Math.round(w0 * 0.6));
      return embed(chart, fit(chart.spec, width, mode, { cellWidth: w1 })).then(function (drawn1) {
        if (token !== chart.token) return null;
        var n = (drawn - drawn1) / (w0 - w1);
        /* Not set by its cells (a wide text sets it): keep the narrower cells. */
        if (!(n > 0.5)) return null;
        var a = drawn - n * w0;
        var w = Math.max(MIN_CELL, Math.floor((width - a) / n));
        return embed(chart, fit(chart.spec, width, mode, { cellWidth: w }));
      });
    });
    p.then(done).catch(function (err) {
      if (token === chart.token) fail(chart, String(err));
    });
  }

  /* ------------------------------------------------------------------ saving */
  function slug(spec) {
    var t = isObject(spec.title) ? spec.title.text : spec.title;
    t = Array.isArray(t) ? t.join(" ") : String(t || "chart");
    return t.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) ||
      "chart";
  }
  function saveButtons(chart) {
    var bar = document.createElement("div");
    bar.className = "aicosts-chart-save";
    [["svg", "Save as SVG"], ["png", "Save as PNG"]].forEach(function (pair) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = pair[1];
      button.addEventListener("click", function () {
        if (!chart.view) return;
        chart.view.toImageURL(pair[0], pair[0] === "png" ? 2 : 1).then(function (url) {
          var a = document.createElement("a");
          a.href = url;
          a.download = slug(chart.spec) + "." + pair[0];
          document.body.appendChild(a);
          a.click();
          a.remove();
        });
      });
      bar.appendChild(button);
    });
    return bar;
  }

  /* ------------------------------------------------------------------ set-up */
  function start(id, spec) {
    var el = document.getElementById(id);
    if (!el) {
      console.error("aicosts chart " + id + ": container missing");
      return;
    }
    var chart = { el: el, spec: spec };
    if (typeof window.vegaEmbed !== "function") {
      fail(chart, "the Vega library did not load");
      return;
    }
    var controls = false;
    eachView(spec, function (view) {
      (view.params || []).forEach(function (p) {
        if (p.bind) controls = true;
      });
    });
    if (controls) el.classList.add("aicosts-has-controls");
    chart.box = document.createElement("div");
    chart.box.className = "aicosts-chart-view";
    el.replaceChildren(chart.box, saveButtons(chart));
    charts.push(chart);
    draw(chart);
    if (window.ResizeObserver) resizes.observe(el);
  }

  var pending = null;
  function redrawChanged() {
    pending = null;
    var mode = theme();
    charts.forEach(function (chart) {
      var width = Math.floor(chart.box.clientWidth);
      if (Math.abs(width - chart.width) > 1 || mode !== chart.mode) draw(chart);
    });
  }
  function later() {
    if (pending) clearTimeout(pending);
    pending = setTimeout(redrawChanged, 150);
  }
  var resizes = window.ResizeObserver ? new ResizeObserver(later) : null;
  if (!resizes) window.addEventListener("resize", later);
  new MutationObserver(function () {
    if (charts.some(function (c) { return c.mode !== theme(); })) redrawChanged();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });

  /* Called by each chart's inline script while the page is parsed: the chart is drawn once the
   * page is parsed, when the column (sidebars included) has its final width. */
  window.aicostsEmbed = function (id, spec) {
    var el = document.getElementById(id);
    if (el) el.setAttribute("data-aicosts-busy", "");
    if (document.readyState === "loading") queue.push([id, spec]);
    else start(id, spec);
  };
  document.addEventListener("DOMContentLoaded", function () {
    queue.splice(0).forEach(function (args) {
      start(args[0], args[1]);
    });
  });
})();
