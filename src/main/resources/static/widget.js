/*! OpenNPS widget: surveys on your website. No dependencies; renders in the shadow root of its own
 *  <opennps-survey> element, styled by a constructable stylesheet (no inline style, so it works
 *  under a Content-Security-Policy without 'unsafe-inline'). */
(function () {
  'use strict';
  if (window.opennps && window.opennps.loaded) return;

  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  var base = new URL(script.src, location.href).origin;
  var queued = (window.opennps && window.opennps.q) || [];
  var state = { key: null, externalId: null, userHash: null, open: false, options: {} };
  var CATEGORY = function (s) { return s <= 6 ? 'detractor' : s <= 8 ? 'passive' : 'promoter'; };

  function anonymousId() {
    var id;
    try { id = localStorage.getItem('opennps.aid'); } catch (e) { /* storage blocked */ }
    if (!id) {
      var bytes = new Uint8Array(12);
      crypto.getRandomValues(bytes);
      id = Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
      try { localStorage.setItem('opennps.aid', id); } catch (e) { /* keep it for this page only */ }
    }
    return id;
  }

  function visitor() {
    if (!state.externalId) return { anonymous_id: anonymousId() };
    return state.userHash ? { external_id: state.externalId, user_hash: state.userHash } : { external_id: state.externalId };
  }

  function api(method, path, body) {
    var url = base + '/api/v1/client/' + encodeURIComponent(state.key) + path;
    return fetch(url, {
      method: method, credentials: 'omit', keepalive: method === 'POST',
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) {
      if (r.status === 403) explain(r.clone());
      return r;
    }, function (e) { probeOrigin(); throw e; });
  }

  // A page origin missing from the workspace's allowed origins: the server answers 403 with a
  // readable reason naming the origin; a refused preflight hides it, so ask once with a GET.
  var warned = false, probed = false;
  function explain(response) {
    response.json().then(function (problem) {
      if (!warned && problem && /allowed_origins/.test(problem.detail || '')) {
        warned = true;
        console.warn('OpenNPS widget: ' + problem.detail);
      }
    }).catch(function () {});
  }
  function probeOrigin() {
    if (probed || warned || !state.key) return;
    probed = true;
    fetch(base + '/api/v1/client/' + encodeURIComponent(state.key) + '/origin', { credentials: 'omit' })
      .then(function (r) { if (r.status === 403) explain(r); })
      .catch(function () {});
  }

  function merge(target, source) {
    for (var k in source) if (Object.prototype.hasOwnProperty.call(source, k)) target[k] = source[k];
    return target;
  }

  // ---- public API -------------------------------------------------------------------------
  var opennps = {
    loaded: true,
    /** init({key, externalId, userHash, attributes, exitIntent: true, pageView: true, delayMs, touchExitAfterMs: 30000}) */
    init: function (options) {
      state.key = options.key;
      state.options = merge({ exitIntent: true, pageView: true, touchExitAfterMs: 30000 }, options);
      var ready = options.externalId ? opennps.identify(options.externalId, options.attributes, options.userHash) : Promise.resolve();
      ready.then(function () {
        // A page with slots hands a queued survey to its slot, not to a page-view pop-up.
        watchTriggers(!renderSlots());
      });
    },
    /** userHash: hex HMAC-SHA256 of externalId with the workspace's identity secret, computed on your server. */
    identify: function (externalId, attributes, userHash) {
      state.externalId = String(externalId);
      state.userHash = userHash || null;
      return api('POST', '/identify', merge(visitor(), { attributes: attributes || {} })).catch(function () {});
    },
    /** Records an event; a survey it makes due fills an empty slot of this page, else shows as a pop-up. */
    track: function (type, properties) {
      var event = merge(visitor(), { type: type, properties: properties || {} });
      return api('POST', '/events', event).then(function () {
        var empty = emptySlots();
        if (!empty.length) return opennps.show('event:' + type);
        // A campaign queues the survey moments after the event: ask the slots a few times.
        return fillSlots(empty, [300, 700, 1500, 3000]).then(function (filled) {
          return filled || opennps.show('event:' + type);
        });
      });
    },
    /** Asks the server whether a survey is due for this trigger and shows it if so. */
    show: function (trigger, slot) {
      if (!state.key || (state.open && !slot)) return Promise.resolve(false);
      var query = new URLSearchParams(merge(visitor(), { url: location.pathname }));
      if (slot) query.set('slot', slot); else query.set('trigger', trigger || 'manual');
      var lang = document.documentElement.lang || navigator.language;
      if (/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(lang || '')) query.set('locale', lang);
      return api('GET', '/next?' + query).then(function (response) {
        if (response.status !== 200) return false;
        return response.json().then(function (due) { render(due, slot); return true; });
      }).catch(function () { return false; });
    }
  };

  // ---- triggers ---------------------------------------------------------------------------
  function watchTriggers(pageView) {
    var o = state.options;
    if (o.pageView && pageView) opennps.show('page_view');
    if (o.delayMs != null) setTimeout(function () { opennps.show('delay'); }, o.delayMs);
    if (!o.exitIntent) return;
    var fired = false;
    function exit() { if (!fired) { fired = true; opennps.show('exit_intent'); } }
    // Desktop: the pointer leaves the page through the top edge (towards tabs or address bar).
    document.addEventListener('mouseout', function (e) {
      if (!e.relatedTarget && e.clientY <= 0) exit();
    });
    // Touch devices have no pointer to leave: a quick scroll back up after reading, or time on page.
    if ('ontouchstart' in window) {
      var lastY = scrollY, lastT = Date.now(), deepest = 0;
      addEventListener('scroll', function () {
        var now = Date.now(), y = scrollY;
        deepest = Math.max(deepest, y);
        var fastUp = lastY - y > innerHeight * 0.3 && now - lastT < 300;
        if (fastUp && deepest > innerHeight) exit();
        lastY = y; lastT = now;
      }, { passive: true });
      if (o.touchExitAfterMs) setTimeout(exit, o.touchExitAfterMs);
    }
  }

  function emptySlots() {
    return Array.prototype.filter.call(document.querySelectorAll('[data-opennps-slot]'), function (el) {
      return !el.querySelector('[data-opennps]');
    }).map(function (el) { return el.getAttribute('data-opennps-slot'); });
  }

  function fillSlots(names, delays) {
    return Promise.all(names.map(function (name) { return opennps.show('slot', name); })).then(function (shown) {
      if (shown.indexOf(true) >= 0) return true;
      if (!delays.length) return false;
      return new Promise(function (resolve) { setTimeout(resolve, delays[0]); }).then(function () {
        return fillSlots(emptySlots(), delays.slice(1));
      });
    });
  }

  function renderSlots() {
    var slots = document.querySelectorAll('[data-opennps-slot]');
    Array.prototype.forEach.call(slots, function (el) { opennps.show('slot', el.getAttribute('data-opennps-slot')); });
    return slots.length > 0;
  }

  // ---- rendering ---------------------------------------------------------------------------
  var CSS = ':host{all:initial;display:block}*{box-sizing:border-box;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}' +
    '.backdrop{position:fixed;inset:0;background:rgba(17,24,39,.45);display:flex;align-items:flex-end;justify-content:center;z-index:2147483647;overflow-y:auto;overscroll-behavior:contain}' +
    '@media(min-width:600px){.backdrop{align-items:center;padding:16px}}' +
    '.panel{position:relative;background:#fff;color:#111827;width:100%;max-width:520px;max-height:100vh;max-height:100dvh;overflow-y:auto;overscroll-behavior:contain;border-radius:12px 12px 0 0;padding:20px 20px 16px;box-shadow:0 10px 40px rgba(0,0,0,.25);font-size:16px;line-height:1.45;text-align:start}' +
    '@media(min-width:600px){.panel{border-radius:12px}}.inline .panel{box-shadow:none;border:1px solid #e5e7eb;border-radius:12px;max-width:none;max-height:none}' +
    'h2{font-size:18px;margin:0 40px 12px 0;font-weight:600}[dir=rtl] h2{margin:0 0 12px 40px}' +
    '.close{position:absolute;top:6px;right:6px;background:none;border:0;font-size:24px;cursor:pointer;color:#4b5563;width:44px;height:44px;padding:0}[dir=rtl] .close{right:auto;left:6px}' +
    '.scale{display:grid;grid-template-columns:repeat(11,1fr);gap:4px}.scale.r5{grid-template-columns:repeat(5,1fr)}' +
    '.scale button{padding:10px 0;min-height:40px;border:1px solid #6b7280;background:#fff;border-radius:6px;font-size:15px;cursor:pointer;color:#111827}' +
    '@media(max-width:480px){.scale{grid-template-columns:repeat(6,1fr);gap:6px}.scale button{min-height:44px}}' +
    '@media(pointer:coarse){.scale button,.submit,.opt{min-height:44px}}' +
    '.scale button[aria-pressed=true]{background:var(--brand);border-color:var(--brand);color:var(--on-brand,#fff)}.ends{display:flex;justify-content:space-between;font-size:13px;color:#4b5563;margin-top:4px}' +
    '.q{display:block;font-weight:600;margin:14px 0 6px;padding:0}textarea{width:100%;min-height:72px;padding:8px;border:1px solid #6b7280;border-radius:6px;font-size:15px;font-family:inherit}' +
    '.fs{border:0;padding:0;margin:0;min-width:0}.opt{display:flex;align-items:center;gap:8px;margin:4px 0}.actions{margin-top:14px;text-align:end}' +
    '.submit{background:var(--brand);color:var(--on-brand,#fff);border:0;border-radius:6px;padding:10px 18px;min-width:44px;font-size:15px;cursor:pointer}' +
    '.err{color:#b91c1c;font-size:14px;margin:4px 0}button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #2563eb;outline-offset:2px}';
  var sheet = null;

  /** The widget's styles in a shadow root: adopted when the browser can, else a <style> element. */
  function style(root) {
    try {
      if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
      root.adoptedStyleSheets = [sheet];
    } catch (e) {
      root.appendChild(el('style', null, CSS));
    }
  }

  // The host: an element of its own that no page rule aims at; the inline declarations below
  // (set through CSSOM, which a CSP does not block) outrank even !important page rules.
  var TAG = 'opennps-survey';
  try {
    if (window.customElements && !customElements.get(TAG)) customElements.define(TAG, class extends HTMLElement {});
  } catch (e) { TAG = 'div'; }

  function hostElement(inline) {
    var host = document.createElement(TAG);
    host.setAttribute('data-opennps', '');
    var s = host.style;
    s.setProperty('all', 'initial', 'important');
    s.setProperty('display', 'block', 'important');
    s.setProperty('isolation', 'isolate', 'important');
    s.setProperty('contain', 'layout style', 'important');
    if (inline) {
      s.setProperty('position', 'relative', 'important');
    } else {
      s.setProperty('position', 'fixed', 'important');
      s.setProperty('inset', '0', 'important');
      s.setProperty('z-index', '2147483647', 'important');
    }
    return host;
  }

  function onBrand(color) {
    var m = /^#([0-9a-f]{6})$/i.exec(color || '');
    if (!m) return '#ffffff';
    var rgb = parseInt(m[1], 16), ch = function (v) { v = (v & 255) / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * ch(rgb >> 16) + 0.7152 * ch(rgb >> 8) + 0.0722 * ch(rgb) > 0.179 ? '#000000' : '#ffffff';
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var a in attrs || {}) node.setAttribute(a, attrs[a]);
    if (text != null) node.textContent = text;
    return node;
  }

  function visible(question, score, answers) {
    var rule = question.show_if;
    if (!rule) return true;
    if (score == null && (rule.category || rule.score_min != null || rule.score_max != null)) return false;
    if (rule.category && rule.category.indexOf(CATEGORY(score)) < 0) return false;
    if (rule.score_min != null && score < rule.score_min) return false;
    if (rule.score_max != null && score > rule.score_max) return false;
    if (rule.question && answers[rule.question] !== rule.equals) return false;
    return true;
  }

  function render(due, slotName) {
    var survey = due.survey, token = due.display_token;
    var T = merge({
      send: 'Send', close: 'Close', thanks: 'Thank you!', failed: 'Sending failed. Please try again.',
      'nps.low': 'Not at all likely', 'nps.high': 'Extremely likely', required: 'Please answer this question.'
    }, survey.texts || {});
    var inline = !!slotName;
    var host = hostElement(inline);
    var root = host.attachShadow({ mode: 'open' });
    style(root);
    host.style.setProperty('--brand', survey.brand_color || '#4f46e5');
    host.style.setProperty('--on-brand', onBrand(survey.brand_color || '#4f46e5'));
    var wrap = el('div', { 'class': inline ? 'inline' : 'backdrop' });
    var panel = el('div', { 'class': 'panel', role: inline ? 'region' : 'dialog', 'aria-modal': inline ? null : 'true', 'aria-labelledby': 'onps-title' });
    if (inline) panel.removeAttribute('aria-modal');
    panel.setAttribute('dir', survey.dir === 'rtl' ? 'rtl' : 'ltr');
    if (survey.locale) panel.setAttribute('lang', survey.locale);
    wrap.appendChild(panel);
    root.appendChild(wrap);
    var previousFocus = document.activeElement;
    var score = null, answers = {}, done = false, missing = {}, failed = false;

    function close(dismissed) {
      if (dismissed && !done) api('POST', '/displays/' + encodeURIComponent(token), { status: 'dismissed' });
      host.remove();
      state.open = false;
      if (previousFocus && previousFocus.focus) previousFocus.focus();
    }

    function draw() {
      panel.textContent = '';
      if (!inline) {
        var x = el('button', { 'class': 'close', type: 'button', 'aria-label': T.close }, '\u00d7');
        x.onclick = function () { close(true); };
        panel.appendChild(x);
      }
      if (done) {
        panel.appendChild(el('h2', { id: 'onps-title', tabindex: '-1' }, survey.thank_you || T.thanks));
        panel.querySelector('h2').focus();
        if (!inline) setTimeout(function () { close(false); }, 3000);
        return;
      }
      var form = el('form', { novalidate: '' });
      survey.questions.forEach(function (q, i) {
        if (!visible(q, score, answers)) return;
        var id = 'onps-q' + i;
        if (q.type === 'nps' || q.type === 'rating') {
          var max = q.type === 'nps' ? 10 : 5, min = q.type === 'nps' ? 0 : 1;
          var heading = el(i === 0 ? 'h2' : 'label', { id: i === 0 ? 'onps-title' : id, 'class': i === 0 ? '' : 'q' }, q.text);
          form.appendChild(heading);
          var scale = el('div', { 'class': q.type === 'rating' ? 'scale r5' : 'scale', role: 'group', 'aria-labelledby': heading.id });
          for (var v = min; v <= max; v++) (function (value) {
            var current = q.type === 'nps' ? score : answers[q.id];
            var b = el('button', { type: 'button', 'aria-pressed': String(current === value) }, String(value));
            b.onclick = function () {
              if (q.type === 'nps') score = value; else answers[q.id] = value;
              draw();
              var again = panel.querySelector('.scale button[aria-pressed=true]');
              if (again) again.focus();
            };
            scale.appendChild(b);
          })(v);
          form.appendChild(scale);
          var labels = q.labels || (q.type === 'nps' ? [T['nps.low'], T['nps.high']] : null);
          if (labels) {
            var ends = el('div', { 'class': 'ends', 'aria-hidden': 'true' });
            ends.appendChild(el('span', null, labels[0]));
            ends.appendChild(el('span', null, labels[labels.length - 1]));
            form.appendChild(ends);
          }
        } else if (q.type === 'text') {
          form.appendChild(el('label', { 'for': id, 'class': 'q' }, q.text));
          var t = el('textarea', { id: id, maxlength: '2000' });
          t.value = answers[q.id] || '';
          t.oninput = function () { answers[q.id] = t.value; };
          form.appendChild(t);
          if (missing[q.id]) form.appendChild(el('p', { 'class': 'err', role: 'alert' }, T.required));
        } else {
          var fs = el('fieldset', { 'class': 'fs' });
          fs.appendChild(el('legend', { 'class': 'q' }, q.text));
          var multi = q.type === 'multi_choice';
          (q.options || []).forEach(function (option, n) {
            var lab = el('label', { 'class': 'opt' });
            var input = el('input', { type: multi ? 'checkbox' : 'radio', name: id, value: option });
            var chosen = answers[q.id];
            input.checked = multi ? (chosen || []).indexOf(option) >= 0 : chosen === option;
            input.onchange = function () {
              if (!multi) { answers[q.id] = option; draw(); return; }
              var list = (answers[q.id] || []).filter(function (o) { return o !== option; });
              if (input.checked) list.push(option);
              answers[q.id] = list;
            };
            lab.appendChild(input);
            lab.appendChild(document.createTextNode(option));
            fs.appendChild(lab);
          });
          form.appendChild(fs);
          if (missing[q.id]) fs.appendChild(el('p', { 'class': 'err', role: 'alert' }, T.required));
        }
      });
      if (failed) form.appendChild(el('p', { 'class': 'err', role: 'alert' }, T.failed));
      if (score != null) {
        var actions = el('div', { 'class': 'actions' });
        actions.appendChild(el('button', { type: 'submit', 'class': 'submit' }, T.send));
        form.appendChild(actions);
      }
      form.onsubmit = function (e) {
        e.preventDefault();
        var shown = {};
        missing = {};
        var incomplete = false;
        survey.questions.forEach(function (q) {
          if (q.type === 'nps' || !visible(q, score, answers)) return;
          var a = answers[q.id];
          if (a != null && a !== '' && !(a instanceof Array && !a.length)) shown[q.id] = a;
          else if (q.required) incomplete = missing[q.id] = true;
        });
        if (incomplete) { draw(); return; }
        var reply = { score: score, answers: shown };
        if (state.userHash) reply.user_hash = state.userHash;
        api('POST', '/responses/' + encodeURIComponent(token), reply).then(function (r) {
          failed = !r.ok && r.status !== 409;
          done = !failed;
          draw();
        }, function () { failed = true; draw(); });
      };
      panel.appendChild(form);
    }

    // Keyboard: Escape closes a pop-up, Tab stays inside it.
    wrap.addEventListener('keydown', function (e) {
      if (inline) return;
      if (e.key === 'Escape') { close(true); return; }
      if (e.key !== 'Tab') return;
      var items = panel.querySelectorAll('button, textarea, input');
      if (!items.length) return;
      var first = items[0], last = items[items.length - 1], active = root.activeElement;
      if (e.shiftKey && active === first) { last.focus(); e.preventDefault(); }
      else if (!e.shiftKey && active === last) { first.focus(); e.preventDefault(); }
    });

    draw();
    if (inline) {
      document.querySelector('[data-opennps-slot="' + slotName + '"]').appendChild(host);
    } else {
      state.open = true;
      document.body.appendChild(host);
      var firstButton = panel.querySelector('.scale button');
      if (firstButton) firstButton.focus();
    }
    api('POST', '/displays/' + encodeURIComponent(token), { status: 'shown' });
  }

  // ---- start ---------------------------------------------------------------------------------
  window.opennps = opennps;
  queued.forEach(function (call) { opennps[call[0]].apply(null, Array.prototype.slice.call(call, 1)); });
  var key = script.getAttribute('data-key');
  if (key && !state.key) {
    opennps.init({
      key: key,
      externalId: script.getAttribute('data-external-id') || undefined,
      userHash: script.getAttribute('data-user-hash') || undefined
    });
  }
})();
