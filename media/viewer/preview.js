/* global acquireVsCodeApi, document, window */
// The render preview's own controls (Send…, Save as PDF, Close), on top of the fax
// viewer (viewer.js) that paints the pages. Loaded before viewer.js: the webview API can
// be acquired only once per page, so it is shared through window.faxplusVsCodeApi.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  window.faxplusVsCodeApi = vscode;
  for (const button of document.querySelectorAll('[data-action]')) {
    button.addEventListener('click', () => vscode.postMessage({ type: 'action', action: button.dataset.action }));
  }
})();
