/* aicosts: draw the site's Altair charts with the Vega libraries served from _static.
 *
 * Each chart cell's output is a <div> plus one call to aicostsEmbed(id, spec), written by
 * docs/_ext/aicosts_charts.py. The Vega bundle (window.vegaEmbed) is a plain <script> in
 * <head>, loaded before this file, so the inline calls can draw at once. A chart that cannot
 * be drawn shows an error box (class "error") and logs a console error, which the browser
 * test treats as a failure.
 */
(function () {
  "use strict";
  var OPTIONS = {
    renderer: "svg",
    actions: { export: true, source: false, compiled: false, editor: false },
  };

  function fail(el, message) {
    var box = document.createElement("div");
    box.className = "error";
    box.setAttribute("role", "alert");
    box.textContent = "This chart could not be drawn: " + message;
    el.replaceChildren(box);
    console.error("aicosts chart " + el.id + ": " + message);
  }

  /* The Vega view of each chart by container id: lets the browser test drive the what-if
   * controls and read back what the chart shows. */
  window.aicostsViews = window.aicostsViews || {};

  window.aicostsEmbed = function (id, spec) {
    var el = document.getElementById(id);
    if (!el) {
      console.error("aicosts chart " + id + ": container missing");
      return;
    }
    if (typeof window.vegaEmbed !== "function") {
      fail(el, "the Vega library did not load");
      return;
    }
    window.vegaEmbed(el, spec, OPTIONS).then(function (result) {
      window.aicostsViews[id] = result.view;
      /* vega-embed's actions menu opens from an icon-only <summary>: give it a name. */
      el.querySelectorAll(".vega-embed > details > summary").forEach(function (summary) {
        summary.setAttribute("aria-label", "Chart actions: save as SVG or PNG");
      });
    }).catch(function (err) {
      fail(el, String(err));
    });
  };
})();
