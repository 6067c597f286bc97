/* Sawt case index: filters and column sorting, as progressive enhancement.
 *
 * Without JavaScript every index page shows its full table and the filter form
 * stays hidden. With it, the form appears; filters act on the rows of the
 * current page and are kept in the URL (?status=...&year=...), which is also
 * added to the pagination links so the filter follows the reader from page to
 * page. Column headers become sort buttons (aria-sort tells which). All text
 * comes from the page (data-result-template), so this file has no strings. While a
 * filter is on, the table's caption says what is shown, in the same words as the status
 * line that screen readers announce (describe()).
 */
(function () {
  "use strict";

  var FILTERS = ["status", "year"];

  function hasOption(select, value) {
    return Array.prototype.some.call(select.options, function (option) {
      return option.value === value;
    });
  }

  function init(root) {
    if (root.getAttribute("data-sawt-ready") === "true") return;
    var form = root.querySelector("form.sawt-filters");
    var table = root.querySelector("table.sawt-cases");
    if (!form || !table || !table.tBodies.length) return;
    root.setAttribute("data-sawt-ready", "true");

    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var result = form.querySelector(".sawt-filters__result");
    var caption = table.caption;
    var allCaption = caption ? Array.prototype.slice.call(caption.childNodes) : [];
    var template = form.getAttribute("data-result-template") || "";
    var lang = document.documentElement.getAttribute("lang") || "en";
    // ASCII digits on every page, as the server writes them (digit policy).
    var numbers = new Intl.NumberFormat(lang + "-u-nu-latn");
    var collator = new Intl.Collator(lang, { sensitivity: "base", numeric: true });
    var statusOrder = Array.prototype.map.call(form.elements.status.options, function (option) {
      return option.value;
    });
    var pageLinks = Array.prototype.slice.call(root.querySelectorAll(".sawt-pagination a"));
    pageLinks.forEach(function (link) {
      link.setAttribute("data-href", link.getAttribute("href"));
    });

    // Filters -----------------------------------------------------------------

    var params = new URLSearchParams(window.location.search);
    FILTERS.forEach(function (name) {
      var value = params.get(name);
      var select = form.elements[name];
      if (value && select && hasOption(select, value)) select.value = value;
    });

    function apply() {
      var status = form.elements.status.value;
      var year = form.elements.year.value;
      var shown = 0;
      rows.forEach(function (row) {
        var match =
          (!status || row.getAttribute("data-status") === status) &&
          (!year || row.getAttribute("data-year") === year);
        row.hidden = !match;
        if (match) shown += 1;
      });
      describe(status || year ? template.replace("{shown}", numbers.format(shown)).replace("{total}", numbers.format(rows.length)) : null);
      remember(status, year);
    }

    // One sentence says what is shown: the table's caption (what a reader sees) and the
    // status line (what a screen reader announces) are both set here, from the same text.
    // Without a filter the caption is the page's own ("All 6 cases") and the status is empty.
    function describe(text) {
      if (caption) {
        if (text === null) caption.replaceChildren.apply(caption, allCaption);
        else caption.textContent = text;
      }
      if (result) result.textContent = text === null ? "" : text;
    }

    function remember(status, year) {
      var query = new URLSearchParams(window.location.search);
      FILTERS.forEach(function (name) {
        query.delete(name);
      });
      if (status) query.set("status", status);
      if (year) query.set("year", year);
      var search = query.toString() ? "?" + query.toString() : "";
      if (search !== window.location.search) {
        window.history.replaceState(window.history.state, "", window.location.pathname + search + window.location.hash);
      }
      pageLinks.forEach(function (link) {
        link.setAttribute("href", link.getAttribute("data-href") + search);
      });
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
    form.addEventListener("reset", function () {
      window.setTimeout(apply, 0); // the form's values change after the event
    });
    form.hidden = false;
    apply();

    // Sorting -----------------------------------------------------------------

    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);

    function key(row, column) {
      return row.cells[column].getAttribute("data-sort") || "";
    }

    function compare(type, a, b) {
      if (type === "status") return statusOrder.indexOf(a) - statusOrder.indexOf(b);
      if (type === "date") return a < b ? -1 : a > b ? 1 : 0; // ISO dates sort as text
      return collator.compare(a, b);
    }

    function sortBy(column) {
      var header = headers[column];
      var type = header.getAttribute("data-sort-type") || "text";
      var descending = header.getAttribute("aria-sort") === "ascending";
      headers.forEach(function (other) {
        other.removeAttribute("aria-sort");
      });
      header.setAttribute("aria-sort", descending ? "descending" : "ascending");
      var sorted = rows.slice().sort(function (rowA, rowB) {
        var a = key(rowA, column);
        var b = key(rowB, column);
        if (!a || !b) return a ? -1 : b ? 1 : 0; // unknown values last, either way
        var order = compare(type, a, b);
        return descending ? -order : order;
      });
      sorted.forEach(function (row) {
        body.appendChild(row);
      });
    }

    headers.forEach(function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sawt-sort";
      while (header.firstChild) button.appendChild(header.firstChild);
      header.appendChild(button);
      button.addEventListener("click", function () {
        sortBy(column);
      });
    });
  }

  function run() {
    Array.prototype.forEach.call(document.querySelectorAll(".sawt-cases-index"), init);
  }

  // Material's instant navigation swaps pages without a new DOMContentLoaded.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
