// ArtStore admin UI: the little glue HTMX needs (CSRF header, closing modals, copy button,
// the mode dialog's per-target notes, the one-time secret dialog that only closes on purpose,
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
  // A dialog marked data-keep-open (the one-time secret) holds something that is lost when it
  // closes: Escape and a click beside it only ask, its own button closes it.
  function keptOpenDialog() {
    return document.querySelector('#modal [data-keep-open]');
  }
  function askBeforeLeaving(dialog) {
    var prompt = dialog.querySelector('[data-leave-prompt]');
    if (prompt) {
      prompt.hidden = false;
      var focus = prompt.querySelector('[data-leave-back]');
      if (focus) {
        focus.focus();
      }
    }
  }
  document.addEventListener('click', function (event) {
    var back = event.target.closest('[data-leave-back]');
    if (back) {
      event.preventDefault();
      var prompt = back.closest('[data-leave-prompt]');
      if (prompt) {
        prompt.hidden = true;
      }
      return;
    }
    if (event.target.classList && event.target.classList.contains('modal-backdrop')) {
      var kept = keptOpenDialog();
      if (kept) {
        askBeforeLeaving(kept);
      }
      return;
    }
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
      var kept = keptOpenDialog();
      if (kept) {
        event.preventDefault();
        askBeforeLeaving(kept);
        return;
      }
      var modal = document.getElementById('modal');
      if (modal && modal.firstElementChild) {
        modal.innerHTML = '';
      }
    }
  });
  // The mode dialog shows only the note (and the confirmation field) of the chosen target;
  // without JavaScript all notes stay visible and the server checks the same rules.
  function showModeNotes(select) {
    var form = select.form;
    if (!form) {
      return;
    }
    form.querySelectorAll('[data-mode-target]').forEach(function (note) {
      note.hidden = note.getAttribute('data-mode-target') !== select.value;
    });
  }
  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('select[data-mode-select]')) {
      showModeNotes(event.target);
    }
  });
  document.addEventListener('htmx:load', function (event) {
    event.target.querySelectorAll('select[data-mode-select]').forEach(showModeNotes);
  });
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('select[data-mode-select]').forEach(showModeNotes);
  });
})();
