/* aicosts: the number formatters of docs/_ext/aicosts_present.py, for calculator readouts and
 * tooltips, so a figure is written the same way in prose, tables and charts.
 *
 * window.aicostsFormat.money(5576000) === "$5.58M", exactly as aicosts_present.money(5576000);
 * tests/browser/test_present.py compares the two on a battery of values. Rounding is half away
 * from zero on the exact binary value (toExponential / toFixed), as in the Python module.
 *
 * The same functions are Vega expression functions, for Vega-Lite specs written in Python:
 *   alt.Chart(...).transform_calculate(label="aicostsMoney(datum.usd, 3)")
 * aicostsMoney(x, sig), aicostsMoneyExact(x, decimals), aicostsCount(x, sig, decimals),
 * aicostsGpuHours(x, sig, exact), aicostsDuration(hours, sig), aicostsPercent(x, decimals),
 * aicostsTimes(x, sig). Arguments left out take the Python defaults.
 */
(function () {
  "use strict";
  var MINUS = "\u2212";
  var NAN = "\u2014";
  var SUFFIXES = [[12, "T"], [9, "B"], [6, "M"], [3, "K"]];
  var HOURS_PER_DAY = 24;
  var HOURS_PER_YEAR = 8760;

  function repeat(ch, n) {
    return n > 0 ? new Array(n + 1).join(ch) : "";
  }
  function given(v, fallback) {
    return v === undefined || v === null ? fallback : v;
  }
  /* x >= 0 in sig significant digits: [digits, exponent of the first one]. */
  function sigDigits(x, sig) {
    if (x === 0) return [repeat("0", sig), 0];
    var m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(x.toExponential(sig - 1));
    return [m[1] + (m[2] || ""), parseInt(m[3], 10)];
  }
  /* x >= 0 with decimals digits after the point. toFixed writes e-notation from 1e21 on; doubles
   * that large are integers, which BigInt writes exactly (as Python's Decimal does). */
  function fixed(x, decimals) {
    if (x < 1e21) return x.toFixed(decimals);
    return BigInt(x).toString() + (decimals > 0 ? "." + repeat("0", decimals) : "");
  }
  function group(number) {
    var parts = number.split(".");
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return parts.length > 1 ? whole + "." + parts[1] : whole;
  }
  function trim(number) {
    return number.indexOf(".") >= 0 ? number.replace(/0+$/, "").replace(/\.$/, "") : number;
  }
  function place(digits, point) {
    if (point <= 0) return "0." + repeat("0", -point) + digits;
    if (point >= digits.length) return digits + repeat("0", point - digits.length);
    return digits.slice(0, point) + "." + digits.slice(point);
  }
  function special(x) {
    if (isNaN(x)) return NAN;
    if (!isFinite(x)) return (x > 0 ? "" : MINUS) + "\u221e";
    return null;
  }
  function compact(x, sig, trimmed) {
    var d = sigDigits(Math.abs(x), sig);
    var suffix = "", shift = 0;
    for (var i = 0; i < SUFFIXES.length; i++) {
      if (d[1] >= SUFFIXES[i][0]) {
        shift = SUFFIXES[i][0];
        suffix = SUFFIXES[i][1];
        break;
      }
    }
    var text = place(d[0], d[1] - shift + 1);
    if (trimmed) text = trim(text);
    return group(text) + suffix;
  }
  function signed(x, body) {
    return (x < 0 && /[1-9]/.test(body) ? MINUS : "") + body;
  }

  function money(usd, sig, trimmed) {
    var x = Number(usd);
    return special(x) || signed(x, "$" + compact(x, given(sig, 3), given(trimmed, true)));
  }
  function moneyExact(usd, decimals) {
    var x = Number(usd);
    return special(x) || signed(x, "$" + group(fixed(Math.abs(x), given(decimals, 0))));
  }
  function count(n, sig, decimals) {
    var x = Number(n);
    var s = special(x);
    if (s) return s;
    return signed(x, sig ? compact(x, sig, true) : group(fixed(Math.abs(x), given(decimals, 0))));
  }
  function gpuHours(hours, sig, exact) {
    return (exact ? count(hours) : count(hours, given(sig, 3))) + " GPU-hours";
  }
  function duration(hours, sig) {
    var x = Number(hours);
    var s = special(x);
    if (s) return s;
    var a = Math.abs(x), value, unit, one;
    if (a < 48) {
      value = a; unit = "h"; one = "h";
    } else if (a < 2 * HOURS_PER_YEAR) {
      value = a / HOURS_PER_DAY; unit = "days"; one = "day";
    } else {
      value = a / HOURS_PER_YEAR; unit = "years"; one = "year";
    }
    var d = sigDigits(value, given(sig, 2));
    var text = trim(place(d[0], d[1] + 1));
    return signed(x, group(text) + " " + (text === "1" ? one : unit));
  }
  function percent(fraction, decimals, trimmed) {
    var x = Number(fraction);
    var s = special(x);
    if (s) return s;
    var text = fixed(Math.abs(x * 100), given(decimals, 1));
    if (trimmed) text = trim(text);
    return signed(x, group(text) + "%");
  }
  function times(ratio, sig) {
    var x = Number(ratio);
    return special(x) || signed(x, compact(x, given(sig, 3), true) + "\u00d7");
  }

  var api = {
    money: money, moneyExact: moneyExact, count: count, gpuHours: gpuHours,
    duration: duration, percent: percent, times: times,
  };
  /* As Vega expression functions: aicosts-charts.js hands these to vegaEmbed (its
   * expressionFunctions option; the bundle's window.vega is not the Vega it draws with). */
  var vegaFunctions = {};
  Object.keys(api).forEach(function (name) {
    vegaFunctions["aicosts" + name[0].toUpperCase() + name.slice(1)] = api[name];
  });
  api.vegaFunctions = vegaFunctions;
  window.aicostsFormat = api;
})();
