// Click a column header of a collection table to sort its rows (again to reverse).
// Numbers sort as numbers, the rest as text. Runs offline: no library is loaded.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".nb-table table").forEach(function (table) {
    var head = table.tHead, body = table.tBodies[0];
    if (!head || !body) return;
    var cells = head.rows[head.rows.length - 1].cells;
    Array.prototype.forEach.call(cells, function (th, column) {
      th.classList.add("nb-sortable");
      th.addEventListener("click", function () {
        var up = th.dataset.order !== "up";
        th.dataset.order = up ? "up" : "down";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column] ? a.cells[column].textContent.trim() : "";
          var y = b.cells[column] ? b.cells[column].textContent.trim() : "";
          var number = /^-?\d+(\.\d+)?$/;
          var c = (number.test(x) && number.test(y))
            ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
          return up ? c : -c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
});
