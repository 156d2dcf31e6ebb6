// google.script.run for the local page: each call is POSTed to /rpc, where the built Code.js runs over the emulated
// services, with the server's per-run token as a header (the server refuses calls without it). Like Google's: runners are chainable, calls are asynchronous, a server exception reaches the failure handler.
// The dialogs a call showed are handed to the page, which shows them over the workbook.
(function () {
  function runner(onSuccess, onFailure) {
    return new Proxy({}, {
      get: function (_target, name) {
        if (name === 'withSuccessHandler') return function (fn) { return runner(fn, onFailure); };
        if (name === 'withFailureHandler') return function (fn) { return runner(onSuccess, fn); };
        if (name === 'withUserObject') return function () { return runner(onSuccess, onFailure); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          var token = document.querySelector('meta[name="repere-page-token"]').content;
          fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Repere-Token': token }, body: JSON.stringify({ fn: name, args: args }) })
            .then(function (response) { return response.json(); })
            .then(function (reply) {
              if (window.parent !== window) {
                window.parent.postMessage('repere:changed', location.origin);
                // A dialog the script showed (SpreadsheetApp.getUi().showModalDialog) opens over the page, as in Sheets.
                (reply.dialogs || []).forEach(function (dialog) { window.parent.postMessage({ type: 'repere:dialog', dialog: dialog }, location.origin); });
              }
              if (reply.ok) { if (onSuccess) onSuccess(reply.value); }
              else if (onFailure) onFailure(new Error(reply.error));
            }, function (error) { if (onFailure) onFailure(error); });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null) } };
})();
