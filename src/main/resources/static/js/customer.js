// The customer's statement page: a form sent once is not sent again by a second click while the first is on its way.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form.dataset.sent) {
    event.preventDefault();
    return;
  }
  form.dataset.sent = 'true';
  Array.prototype.forEach.call(form.querySelectorAll('button[type=submit]'), function (b) {
    b.setAttribute('aria-busy', 'true');
  });
});
