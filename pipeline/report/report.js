/* Filter and sort the figure table of a vnfigures report. Plain DOM, no library.
   Filters come from the form, or from the address (report.html?kind=money&q=Cà+Mau&sort=-value),
   so a filtered, sorted view can be shared. When it has run, <html data-ready="ok">; an error anywhere
   sets data-ready="error" and is printed in #script-errors (see the hook in <head>). */
(function () {
  "use strict";
  var table = document.getElementById("fig-table");
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var NO_PROVINCE = "-";

  /* Lower case without tone marks, so that "ca mau" finds "Cà Mau". */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  var haystacks = rows.map(function (row) { return fold(row.textContent); });

  function matches(row, i, want, words) {
    var d = row.dataset;
    if (want.kind && d.kind !== want.kind) return false;
    if (want.modality && d.modality !== want.modality) return false;
    if (want.province === NO_PROVINCE && d.province !== "") return false;
    if (want.province && want.province !== NO_PROVINCE && d.province !== want.province) return false;
    return words.every(function (w) { return haystacks[i].indexOf(w) >= 0; });
  }

  function apply() {
    var want = { kind: form.kind.value, modality: form.modality.value, province: form.province.value };
    var words = fold(form.q.value).split(/\s+/).filter(Boolean);
    var n = 0;
    rows.forEach(function (row, i) {
      var ok = matches(row, i, want, words);
      row.hidden = !ok;
      if (ok) n += 1;
    });
    shown.textContent = String(n);
  }

  function sortBy(th, dir) {
    var col = th.cellIndex;
    var numeric = th.dataset.type === "number";
    Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
    function key(row) {
      var cell = row.cells[col];
      if (!numeric) return cell.textContent;
      var v = parseFloat(cell.dataset.sort);
      return isNaN(v) ? -Infinity : v;
    }
    var order = rows.map(function (row, i) { return [key(row), i, row]; });
    order.sort(function (a, b) {
      var c = numeric ? a[0] - b[0] : a[0].localeCompare(b[0], "vi");
      return c !== 0 ? dir * c : a[1] - b[1];
    });
    var body = table.tBodies[0];
    order.forEach(function (item) { body.appendChild(item[2]); });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    function toggle() { sortBy(th, th.getAttribute("aria-sort") === "ascending" ? -1 : 1); }
    th.addEventListener("click", toggle);
    th.addEventListener("keydown", function (e) { if (e.key === "Enter") toggle(); });
  });
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });

  var params = new URLSearchParams(window.location.search);
  ["kind", "modality", "province", "q"].forEach(function (name) {
    if (params.has(name)) form[name].value = params.get(name);
  });
  var sort = params.get("sort") || "";
  var head = table.querySelector('th[data-key="' + sort.replace(/^-/, "").replace(/[^a-z]/g, "") + '"]');
  if (head) sortBy(head, sort.charAt(0) === "-" ? -1 : 1);
  apply();
  if (document.documentElement.dataset.ready !== "error") document.documentElement.dataset.ready = "ok";
})();
