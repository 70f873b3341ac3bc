// Small enhancements only: every page works without this script.
(function () {
  'use strict';

  // Body map: mirror the pain-area checkboxes on the figure, and let a tap on the figure tick them.
  document.querySelectorAll('[data-body-map]').forEach(function (map) {
    var form = map.closest('form');
    if (!form) { return; }
    function sync() {
      map.querySelectorAll('[data-area]').forEach(function (shape) {
        var box = form.querySelector('input[name="Intake.PainAreas"][value="' + shape.getAttribute('data-area') + '"]');
        shape.classList.toggle('selected', !!(box && box.checked));
      });
    }
    map.querySelectorAll('[data-area]').forEach(function (shape) {
      shape.addEventListener('click', function () {
        var box = form.querySelector('input[name="Intake.PainAreas"][value="' + shape.getAttribute('data-area') + '"]');
        if (box) { box.checked = !box.checked; sync(); }
      });
    });
    form.addEventListener('change', sync);
    sync();
  });

  // "None of these apply" and the red-flag boxes exclude each other.
  var none = document.getElementById('Intake_NoRedFlags');
  if (none) {
    var flags = document.querySelectorAll('input[name="Intake.RedFlags"]');
    none.addEventListener('change', function () {
      if (none.checked) { flags.forEach(function (f) { f.checked = false; }); }
    });
    flags.forEach(function (f) {
      f.addEventListener('change', function () { if (f.checked) { none.checked = false; } });
    });
  }

  // A form that came back with problems: read the list first, and let each problem lead to its field.
  var summary = document.getElementById('form-errors');
  if (summary) {
    summary.focus();
    summary.querySelectorAll('a[href^="#"]').forEach(function (link) {
      link.addEventListener('click', function (e) {
        var field = document.getElementById(link.getAttribute('href').slice(1));
        if (!field) { return; }
        e.preventDefault();
        var label = document.querySelector('label[for="' + field.id + '"]');
        (field.closest('fieldset') || label || field).scrollIntoView({ block: 'start' });
        field.focus({ preventScroll: true });
      });
    });
  }

  // A "print" button (a plan): shown only where the script runs, since without it the browser's own Print does the same.
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });

  // Confirm before cancelling a visit.
  document.querySelectorAll('form[data-confirm]:not([data-confirm=""])').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });
})();
