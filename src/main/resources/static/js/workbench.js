// The matching workbench: running totals, "apply oldest first", filling in a suggestion, customer suggestions.
(function () {
  var totals = document.getElementById('totals');
  if (!totals) { return; }
  var digits = parseInt(totals.dataset.digits, 10);
  var unit = Math.pow(10, digits);
  var payment = minor(totals.dataset.payment);
  var chosen = document.getElementById('chosen-customer');
  var hasCustomer = !!chosen && chosen.value !== '';

  // an amount as the server reads it (SpreadsheetValues.typedAmount): full-width folded, blanks dropped, commas
  // only between groups of three digits; null when it is none, so that "12,00" is not counted as 1,200.00
  // (a literal here: the payment's amount above is read through it before a variable would be set)
  function typed(text) {
    var t = String(text || '').normalize('NFKC').replace(/[\s\u00A0\u2007\u202F\u3000]/g, '');
    var m = /^([+-]?)[¥$€£]?([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(t);
    if (!m || (m[1] && m[2])) { return null; }
    return parseFloat(m[1] + m[2] + m[3].replace(/,/g, '') + (m[4] || ''));
  }
  function minor(text) {
    var v = typed(text);
    return v === null ? 0 : Math.round(v * unit);
  }
  // a field whose text is no amount is marked (and counts nothing) before the server says so
  function check(field) {
    var bad = field.value.trim() !== '' && typed(field.value) === null;
    if (bad) { field.setAttribute('aria-invalid', 'true'); } else { field.removeAttribute('aria-invalid'); }
  }
  function plain(m) { return (m / unit).toFixed(digits); }
  // grouped as the server shows amounts (12,800.00); typed amounts stay plain
  function shown(m) {
    var parts = plain(Math.abs(m)).split('.');
    return (m < 0 ? '-' : '') + parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (parts[1] ? '.' + parts[1] : '');
  }
  function rows() { return Array.prototype.slice.call(document.querySelectorAll('#items tr.item')); }
  function input(row, name) { return row.querySelector('input[name=' + name + ']'); }

  function update() {
    var applied = 0, written = 0;
    rows().forEach(function (r) {
      check(input(r, 'amount'));
      check(input(r, 'writeOff'));
      applied += minor(input(r, 'amount').value);
      written += minor(input(r, 'writeOff').value);
    });
    var left = payment - applied;
    document.getElementById('total-applied').textContent = shown(applied);
    document.getElementById('total-writeoff').textContent = shown(written);
    var out = document.getElementById('remainder');
    out.textContent = shown(left);
    out.classList.toggle('negative', left < 0);
    document.getElementById('left-nobody').hidden = !(left > 0 && !hasCustomer);
    var onAccount = document.getElementById('left-customer');
    if (onAccount) { onAccount.hidden = !(left > 0 && applied !== 0); }
  }

  // in due-date order (the table's order), each invoice or debit note in full as far as the payment goes
  function fill(chosen) {
    var left = payment;
    rows().forEach(function (r) { input(r, 'amount').value = ''; });
    chosen.slice().sort(function (a, b) {
      return a.dataset.due < b.dataset.due ? -1 : a.dataset.due > b.dataset.due ? 1 : 0;
    }).forEach(function (r) {
      var open = minor(r.dataset.open);
      if (open <= 0 || left <= 0) { return; }
      var take = Math.min(open, left);
      input(r, 'amount').value = plain(take);
      left -= take;
    });
    update();
  }

  rows().forEach(function (r) {
    input(r, 'amount').addEventListener('input', update);
    input(r, 'writeOff').addEventListener('input', update);
  });
  var oldest = document.getElementById('oldest-first');
  if (oldest) { oldest.addEventListener('click', function () { fill(rows()); }); }
  var clear = document.getElementById('clear');
  if (clear) {
    clear.addEventListener('click', function () {
      rows().forEach(function (r) { input(r, 'amount').value = ''; input(r, 'writeOff').value = ''; });
      update();
    });
  }
  document.querySelectorAll('button.use-suggestion').forEach(function (b) {
    b.addEventListener('click', function () {
      var docs = b.dataset.docs.split(',');
      fill(rows().filter(function (r) { return docs.indexOf(r.dataset.doc) >= 0; }));
      document.getElementById('items').scrollIntoView({ behavior: 'smooth', block: 'center' });
    });
  });
  update();

  // customers whose name, code or payer account contains what is typed
  var search = document.getElementById('customer-search');
  var list = document.getElementById('customer-options');
  var timer = null, asked = '';
  if (search && list) {
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = search.value.trim();
        if (q.length < 1 || q === asked) { return; }
        asked = q;
        fetch('/matching/workbench/customers?q=' + encodeURIComponent(q), { credentials: 'same-origin',
          headers: { 'Accept': 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (found) {
            list.innerHTML = '';
            found.forEach(function (c) {
              var o = document.createElement('option');
              o.value = c.code;
              o.label = c.name + ' (' + c.code + ')';
              o.textContent = c.name + ' (' + c.code + ')';
              list.appendChild(o);
            });
          });
      }, 200);
    });
  }
})();
