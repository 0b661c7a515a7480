/* global acquireVsCodeApi, document, window, UTIF, FaxDocument, ResizeObserver */
// The fax viewer inside the webview: receives the document's bytes from the
// extension, paints one page at a time on a canvas, and offers page
// navigation and zoom. It reports what it rendered so tests can check the
// round trip. No network: the CSP allows only this extension's scripts.
(function () {
  'use strict';
  // The preview page (preview.js) acquires the API first: it can be acquired once per page.
  const vscode = window.faxplusVsCodeApi || acquireVsCodeApi();
  const strings = document.body.dataset;
  const canvas = document.getElementById('page');
  const stage = document.getElementById('stage');
  const status = document.getElementById('status');
  const pageLabel = document.getElementById('pageLabel');
  const zoomLabel = document.getElementById('zoomLabel');
  const controls = {
    previous: document.getElementById('previous'),
    next: document.getElementById('next'),
    zoomOut: document.getElementById('zoomOut'),
    zoomIn: document.getElementById('zoomIn'),
    fit: document.getElementById('fit'),
  };

  let doc;
  let index = 0;
  let zoom = 1;
  let fitting = true;

  function format(template, ...values) {
    return template.replace(/\{(\d+)\}/g, (m, i) => (values[Number(i)] !== undefined ? String(values[Number(i)]) : m));
  }

  // The fax id travels with the state so a reloaded window can bring this tab back.
  function saveState() {
    vscode.setState({ faxId: strings.faxId, index, zoom, fitting });
  }

  function showStatus(text) {
    status.textContent = text;
    status.hidden = !text;
  }

  function layout() {
    if (!doc) {
      return;
    }
    const page = doc.pages[index];
    if (fitting) {
      zoom = FaxDocument.fitWidth(stage.clientWidth - 32, page.width);
    }
    canvas.style.width = `${Math.round(page.width * zoom)}px`;
    canvas.style.height = `${Math.round(page.height * page.aspect * zoom)}px`;
    zoomLabel.textContent = `${Math.round(zoom * 100)} %`;
  }

  function paint() {
    const page = doc.pages[index];
    const image = FaxDocument.pixels(UTIF, doc, index);
    canvas.width = image.width;
    canvas.height = image.height;
    canvas.getContext('2d').putImageData(new window.ImageData(image.data, image.width, image.height), 0, 0);
    canvas.setAttribute('aria-label', format(strings.pageOf, index + 1, doc.pages.length));
    pageLabel.textContent = format(strings.pageOf, index + 1, doc.pages.length);
    controls.previous.disabled = index === 0;
    controls.next.disabled = index >= doc.pages.length - 1;
    layout();
    stage.scrollTop = 0;
    return page;
  }

  function goTo(target) {
    if (!doc) {
      return;
    }
    const next = FaxDocument.clampPage(target, doc.pages.length);
    if (next !== index) {
      index = next;
      paint();
      saveState();
    }
  }

  function setZoom(value) {
    fitting = false;
    zoom = FaxDocument.clampZoom(value);
    layout();
    saveState();
  }

  function load(bytes, firstPage) {
    try {
      doc = FaxDocument.open(UTIF, bytes);
      const saved = vscode.getState() || {};
      index = FaxDocument.clampPage(saved.index ?? firstPage ?? 0, doc.pages.length);
      fitting = saved.fitting !== false;
      zoom = saved.zoom || 1;
      const page = paint();
      saveState();
      canvas.hidden = false;
      showStatus('');
      for (const control of Object.values(controls)) {
        control.hidden = false;
      }
      vscode.postMessage({
        type: 'rendered',
        pageCount: doc.pages.length,
        page: index + 1,
        width: page.width,
        height: page.height,
        byteLength: bytes.byteLength,
      });
    } catch (e) {
      doc = undefined;
      canvas.hidden = true;
      showStatus(strings.cannotShow);
      vscode.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Typed arrays may arrive as another view or as an ArrayBuffer, depending on how VS Code relays them. */
  function bytesOf(value) {
    if (value instanceof ArrayBuffer) {
      return new Uint8Array(value);
    }
    if (ArrayBuffer.isView(value)) {
      return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    }
    return undefined;
  }

  function unavailable(text) {
    doc = undefined;
    canvas.hidden = true;
    for (const control of Object.values(controls)) {
      control.hidden = true;
    }
    pageLabel.textContent = '';
    zoomLabel.textContent = '';
    showStatus(text);
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'unavailable' && typeof message.message === 'string') {
      unavailable(message.message);
      return;
    }
    if (!message || message.type !== 'document') {
      return;
    }
    const bytes = bytesOf(message.bytes);
    if (bytes) {
      load(bytes, Number.isInteger(message.page) ? message.page : undefined);
    } else {
      showStatus(strings.cannotShow);
      vscode.postMessage({ type: 'failed', message: `document bytes arrived as ${Object.prototype.toString.call(message.bytes)}` });
    }
  });

  controls.previous.addEventListener('click', () => goTo(index - 1));
  controls.next.addEventListener('click', () => goTo(index + 1));
  controls.zoomIn.addEventListener('click', () => setZoom(FaxDocument.step(zoom, +1)));
  controls.zoomOut.addEventListener('click', () => setZoom(FaxDocument.step(zoom, -1)));
  controls.fit.addEventListener('click', () => {
    fitting = true;
    layout();
    saveState();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'PageDown' || e.key === 'ArrowRight') {
      goTo(index + 1);
    } else if (e.key === 'PageUp' || e.key === 'ArrowLeft') {
      goTo(index - 1);
    } else if (e.key === 'Home') {
      goTo(0);
    } else if (e.key === 'End' && doc) {
      goTo(doc.pages.length - 1);
    } else if ((e.key === '+' || e.key === '=') && !e.altKey) {
      setZoom(FaxDocument.step(zoom, +1));
    } else if (e.key === '-' && !e.altKey) {
      setZoom(FaxDocument.step(zoom, -1));
    } else if (e.key === '0') {
      controls.fit.click();
    } else {
      return;
    }
    e.preventDefault();
  });
  new ResizeObserver(() => {
    if (fitting) {
      layout();
    }
  }).observe(stage);

  if (!vscode.getState()) {
    // No page yet: a restored tab takes its page from the extension's first document.
    vscode.setState({ faxId: strings.faxId });
  }
  showStatus(strings.loading);
  vscode.postMessage({ type: 'ready' });
})();
