// Admin pages: when a partial update fails (server error, lost connection, expired sign-in),
// say so at the top of the page instead of leaving the old content looking current.
(function () {
  function show(text) {
    var main = document.getElementById('content');
    if (!main) {
      return;
    }
    var box = document.getElementById('request-error');
    if (!box) {
      box = document.createElement('div');
      box.id = 'request-error';
      box.className = 'flash error';
      box.setAttribute('role', 'alert');
      main.insertBefore(box, main.firstChild);
    }
    box.textContent = text;
  }
  document.addEventListener('htmx:responseError', function (e) {
    var status = e.detail.xhr ? e.detail.xhr.status : 0;
    show(status === 403 || status === 401
      ? 'Your session has expired or the form is outdated: reload the page and try again.'
      : status === 404 ? 'Not found: it may have been deleted. Reload the page.'
      : 'Something went wrong (' + status + '). Nothing may have been saved: reload the page and try again.');
  });
  document.addEventListener('htmx:sendError', function () {
    show('The server cannot be reached. Check your connection and try again.');
  });
  document.addEventListener('htmx:beforeRequest', function () {
    var box = document.getElementById('request-error');
    if (box) {
      box.remove();
    }
  });
})();

// Destructive buttons carry data-confirm: ask before the form is sent.
document.addEventListener('submit', function (e) {
  var button = e.submitter;
  var text = (button && button.getAttribute('data-confirm')) || e.target.getAttribute('data-confirm');
  if (text && !window.confirm(text)) {
    e.preventDefault();
  }
});
