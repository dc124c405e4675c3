/**
 * The page's only script: click (or Enter on) a header of a `table.sortable` to sort its rows by
 * that column, again to reverse. Number columns sort by each cell's `data-sort` (cells without one,
 * undefined figures, sort lowest), text columns alphabetically. Plain ES5 DOM calls, no data in it:
 * the script is the same on every page, which lets the page's Content-Security-Policy allow exactly
 * this script by its hash ({@link SORT_SCRIPT_HASH}) and nothing else, not even an event handler
 * attribute that escaped text could never contain anyway.
 */
export const SORT_SCRIPT = `(function () {
  function key(row, i, kind) {
    var cell = row.cells[i];
    if (kind !== "number") return cell ? cell.textContent : "";
    var value = cell ? cell.getAttribute("data-sort") : null;
    return value === null ? -Number.MAX_VALUE : Number(value);
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, i) {
      function sort() {
        var kind = th.getAttribute("data-kind");
        var up = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a, i, kind), y = key(b, i, kind);
          var order = kind === "number" ? (x < y ? -1 : x > y ? 1 : 0) : String(x).localeCompare(String(y));
          return up ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
      });
    });
  });
})();`;

/**
 * The SHA-256 hash of {@link SORT_SCRIPT}, base64, as a Content-Security-Policy source. Checked
 * against the script by a test (`test/report/html/sortScript.test.ts`): change both together.
 */
export const SORT_SCRIPT_HASH = "sha256-SzANIlzO2WYgX0PNkvwtyiz14sdF4O8lhUqWjgosmwE=";
