// Survey page enhancement: shows follow-up questions as soon as a score or answer changes and
// saves each step in the background. The page works the same without it, one step per submit.
(function () {
  'use strict';
  var form = document.getElementById('survey');
  if (!form) { return; }

  function category(score) {
    return score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter';
  }

  function score() {
    var checked = form.querySelector('input[name="score"]:checked');
    return checked ? parseInt(checked.value, 10) : null;
  }

  function answered(id, equals) {
    var inputs = form.querySelectorAll('[name="' + CSS.escape(id) + '"]');
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if ((input.type === 'radio' || input.type === 'checkbox') ? input.checked && input.value === equals
          : input.value === equals) { return true; }
    }
    return false;
  }

  function matches(rule, s) {
    var needsScore = rule.category || rule.score_min != null || rule.score_max != null;
    if (needsScore) {
      if (s === null) { return false; }
      if (rule.category && rule.category.indexOf(category(s)) < 0) { return false; }
      if (rule.score_min != null && s < rule.score_min) { return false; }
      if (rule.score_max != null && s > rule.score_max) { return false; }
    }
    return !rule.question || answered(rule.question, rule.equals);
  }

  function refresh() {
    var s = score();
    form.querySelectorAll('[data-show-if]').forEach(function (block) {
      var visible = matches(JSON.parse(block.getAttribute('data-show-if')), s);
      block.hidden = !visible;
      block.querySelector('input[name="shown"]').disabled = !visible;
    });
  }

  function saveStep() {
    if (form.getAttribute('action').indexOf('/s/') !== 0) { return; }
    fetch(form.getAttribute('action'), {
      method: 'POST', body: new URLSearchParams(new FormData(form)),
      headers: { 'X-OpenNPS-Step': 'background' }, credentials: 'omit'
    }).catch(function () { /* the final submit saves everything anyway */ });
  }

  // A score clicked in an e-mail counts once the page is really shown in a browser: link
  // scanners fetch the link but render nothing, so they never reach this point.
  function confirmShown() {
    var url = form.getAttribute('data-confirm');
    if (!url) { return; }
    var sent = false;
    function send() {
      if (sent || document.visibilityState !== 'visible') { return; }
      sent = true;
      var body = new URLSearchParams();
      body.append('_page', form.querySelector('input[name="_page"]').value);
      fetch(url, { method: 'POST', body: body, credentials: 'omit' })
        .then(function (r) { if (r.ok) { form.removeAttribute('data-confirm'); } })
        .catch(function () { sent = false; });
    }
    requestAnimationFrame(function () { requestAnimationFrame(send); });
    document.addEventListener('visibilitychange', send);
  }

  form.addEventListener('change', function (event) {
    refresh();
    if (event.target.name === 'score' || event.target.type !== 'textarea') { saveStep(); }
  });
  refresh();
  confirmShown();
})();
