// ddfacts site: optional filtering and highlight-to-panel links; pages work without it.
"use strict";
(function () {
  function activate(id) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    document.querySelectorAll('mark.st[data-statement="' + CSS.escape(id) + '"]').forEach(function (el) {
      el.classList.add("active");
    });
    var first = document.querySelector('mark.st[id][data-statement="' + CSS.escape(id) + '"]');
    if (first) {
      var item = document.getElementById("about-" + first.id);
      if (item) { item.classList.add("active"); }
      return item;
    }
    return null;
  }
  document.addEventListener("click", function (event) {
    var mark = event.target.closest ? event.target.closest("mark.st") : null;
    if (!mark) { return; }
    var item = activate(mark.getAttribute("data-statement"));
    if (item) { item.scrollIntoView({block: "nearest"}); }
  });
  var form = document.querySelector("form.filter");
  if (form) {
    form.hidden = false;
    var rows = Array.prototype.slice.call(document.querySelectorAll("table.claims tbody tr"));
    form.addEventListener("input", function () {
      var wanted = Array.prototype.map.call(form.querySelectorAll("input[data-filter]"), function (input) {
        return [input.getAttribute("data-filter"), input.value.trim().toLowerCase()];
      });
      rows.forEach(function (row) {
        row.hidden = !wanted.every(function (pair) {
          return !pair[1] || (row.getAttribute("data-" + pair[0]) || "").toLowerCase().indexOf(pair[1]) >= 0;
        });
      });
    });
  }
}());
