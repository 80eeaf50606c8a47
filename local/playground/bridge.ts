// The browser half of the local google.script.run: a script injected into the real dist/Sidebar.html
// that posts each call to the playground server. Like Apps Script, it refuses arguments that cannot
// cross (Dates, functions, DOM nodes) before sending. After each call it tells the page around it (the
// playground's Deals grid) that the workbook may have changed.
export const BRIDGE_SCRIPT = `<script>
(function () {
  function illegal(v) {
    if (v === null || typeof v !== 'object') return typeof v === 'function';
    if (v instanceof Date || (typeof Node !== 'undefined' && v instanceof Node)) return true;
    for (var k in v) if (Object.prototype.hasOwnProperty.call(v, k) && illegal(v[k])) return true;
    return false;
  }
  function runner(ok, fail) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, fail); };
        if (name === 'withFailureHandler') return function (f) { return runner(ok, f); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          var failed = function (message) { setTimeout(function () { if (fail) fail(new Error(message)); }, 0); };
          if (args.some(illegal)) return failed('Failed due to illegal value in argument.');
          fetch('/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fn: name, args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (body) { if (window.parent !== window) window.parent.postMessage('crm:changed', '*'); if (body.ok) { if (ok) ok(body.value); } else failed(body.error); })
            .catch(function (e) { failed(String(e && e.message || e)); });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null) } };
})();
</script>`;
