// ArtStore admin UI: the little glue HTMX needs (CSRF header, closing modals, copy button,
// clearing a dialog's "form expired" message when it is sent again).
(function () {
  'use strict';
  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }
  document.addEventListener('htmx:configRequest', function (event) {
    var c = csrf();
    if (c && event.detail.verb !== 'get') {
      event.detail.headers[c.header] = c.token;
    }
    var body = event.detail.elt && event.detail.elt.closest ? event.detail.elt.closest('.body') : null;
    if (body) {
      body.querySelectorAll('[data-form-expired]').forEach(function (alert) { alert.remove(); });
    }
  });
  document.addEventListener('click', function (event) {
    var close = event.target.closest('[data-close-modal]');
    if (close) {
      var modal = document.getElementById('modal');
      if (modal) {
        event.preventDefault();
        modal.innerHTML = '';
      }
      return;
    }
    var copy = event.target.closest('[data-copy-target]');
    if (copy) {
      event.preventDefault();
      var source = document.getElementById(copy.getAttribute('data-copy-target'));
      if (!source) {
        return;
      }
      var text = source.value !== undefined ? source.value : source.textContent;
      var done = function () {
        copy.textContent = copy.getAttribute('data-copied-text') || copy.textContent;
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { source.select(); document.execCommand('copy'); done(); });
      } else {
        source.select();
        document.execCommand('copy');
        done();
      }
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      var modal = document.getElementById('modal');
      if (modal && modal.firstElementChild) {
        modal.innerHTML = '';
      }
    }
  });
})();
