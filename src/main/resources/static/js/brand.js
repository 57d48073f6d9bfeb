// Survey pages: the workspace's colours come as data-brand="--brand:#4f46e5;--on-brand:#ffffff"
// and are set as custom properties through the style object, which the Content-Security-Policy
// allows (a style attribute in the markup it does not).
(function () {
  function apply() {
    var body = document.body;
    var brand = body ? body.getAttribute('data-brand') : null;
    if (!brand) {
      return;
    }
    brand.split(';').forEach(function (pair) {
      var i = pair.indexOf(':');
      var name = i > 0 ? pair.slice(0, i).trim() : '';
      var value = i > 0 ? pair.slice(i + 1).trim() : '';
      if (/^--[a-z-]+$/.test(name) && /^#[0-9a-fA-F]{3,8}$/.test(value)) {
        body.style.setProperty(name, value);
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', apply);
  } else {
    apply();
  }
})();
