/**
 * Inline script of the HTML report: sortable, filterable overview; links that
 * open the document's <details> and scroll the evidence into view. No
 * dependencies, no network.
 */
export const SCRIPT = `
(function(){
  "use strict";
  var table = document.getElementById("overview");
  var tbody = table ? table.tBodies[0] : null;
  function cellValue(row, i){
    var c = row.cells[i]; if(!c) return "";
    var v = c.getAttribute("data-v"); if(v === null) v = c.textContent || "";
    return v;
  }
  if (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function(th, i){
      th.addEventListener("click", function(){
        var dir = th.getAttribute("data-dir") === "asc" ? "desc" : "asc";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function(o){ o.removeAttribute("data-dir"); });
        th.setAttribute("data-dir", dir);
        var numeric = th.getAttribute("data-type") === "num";
        var rows = Array.prototype.slice.call(tbody.rows);
        rows.sort(function(a, b){
          var x = cellValue(a, i), y = cellValue(b, i), r;
          if (numeric) { r = (parseFloat(x) || -1) - (parseFloat(y) || -1); }
          else { r = x < y ? -1 : x > y ? 1 : 0; }
          return dir === "asc" ? r : -r;
        });
        rows.forEach(function(r){ tbody.appendChild(r); });
      });
    });
  }
  var fType = document.getElementById("f-type"), fMissing = document.getElementById("f-missing"),
      fStatus = document.getElementById("f-status"), fSearch = document.getElementById("f-search"),
      shown = document.getElementById("f-shown");
  // year / campaign / sector (meta): "-" selects the documents where it is unknown
  var metaFilters = ["year", "campaign", "sector"].map(function(d){ return [d, document.getElementById("f-" + d)]; });
  function metaOk(row){
    return metaFilters.every(function(f){
      var v = f[1] ? f[1].value : ""; if (!v) return true;
      var have = row.getAttribute("data-" + f[0]) || "";
      return v === "-" ? have === "" : have === v;
    });
  }
  function applyFilters(){
    if (!tbody) return;
    var t = fType ? fType.value : "", m = fMissing ? fMissing.value : "", s = fStatus ? fStatus.value : "",
        q = fSearch ? fSearch.value.trim().toLowerCase() : "", n = 0;
    Array.prototype.forEach.call(tbody.rows, function(row){
      var ok = (!t || row.getAttribute("data-type") === t) &&
               (!m || (" " + row.getAttribute("data-missing") + " ").indexOf(" " + m + " ") >= 0) &&
               (!s || row.getAttribute("data-status") === s) && metaOk(row) &&
               (!q || (row.textContent || "").toLowerCase().indexOf(q) >= 0);
      row.hidden = !ok; if (ok) n++;
      var doc = document.getElementById(row.getAttribute("data-doc"));
      if (doc) doc.hidden = !ok;
    });
    if (shown) shown.textContent = String(n);
  }
  [fType, fMissing, fStatus].concat(metaFilters.map(function(f){ return f[1]; })).forEach(function(el){ if (el) el.addEventListener("change", applyFilters); });
  if (fSearch) fSearch.addEventListener("input", applyFilters);
  function reveal(id){
    var el = document.getElementById(id);
    if (!el) return false;
    if (el.hidden) el.hidden = false;
    var d = el.closest("details");
    while (d) { d.open = true; d.hidden = false; d = d.parentElement ? d.parentElement.closest("details") : null; }
    el.scrollIntoView({block: "center", inline: "nearest"});
    el.classList.remove("flash"); void el.offsetWidth; el.classList.add("flash");
    return true;
  }
  document.addEventListener("click", function(e){
    var a = e.target && e.target.closest ? e.target.closest("a[href^='#']") : null;
    if (!a) return;
    var id = decodeURIComponent(a.getAttribute("href").slice(1));
    if (reveal(id)) { e.preventDefault(); if (history.replaceState) history.replaceState(null, "", "#" + encodeURIComponent(id)); }
  });
  if (location.hash.length > 1) reveal(decodeURIComponent(location.hash.slice(1)));
  applyFilters();
})();
`;
