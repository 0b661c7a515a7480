// What each README screenshot shows and how to get the workbench there.
// A scene is one workbench signed in with one demo token; its shots are taken
// in order. Selectors are VS Code's own (1.139); waits are for visible states.

import { readFileSync } from 'node:fs';

const { fetch, FormData, Blob } = globalThis; // Node 20 globals (the lint config lists Node globals without them)

/** The keybinding the read-only scene presses: Send as Fax is hidden from its menus, a key still runs it. */
const SEND_KEY = { vscode: 'ctrl+alt+shift+f', playwright: 'Control+Alt+Shift+F' };

export const SCENES = [
  {
    // A new user's window: the sidebar as VS Code first lays it out, nothing pending (runs before the Outbox is seeded).
    token: 'fullAccess',
    shots: ['sidebar-default'],
    async take({ driver, save }) {
      await driver.openFaxPlus();
      await driver.rows('Outbox').first().waitFor();
      await driver.rows('Inbox').nth(5).waitFor();
      await driver.restMouse();
      await requireInboxRows(driver, 15);
      await save('sidebar-default', { x: 0, y: 0, width: 540, height: 900 });
    },
  },
  {
    token: 'fullAccess',
    shots: ['trees', 'viewer', 'preview', 'send-recipients', 'send-summary', 'walkthrough'],
    prepare: seedOutbox,
    async take({ driver, page, wants, save }) {
      await driver.openFaxPlus();
      await driver.expand('Sent');
      await driver.rows('Outbox').nth(1).waitFor();
      await driver.rows('Inbox').nth(5).waitFor();
      await driver.rows('Sent').nth(3).waitFor();
      // Room for the rows' descriptions, and for more faxes than pending ones.
      await driver.sideBarWidth(470);
      await driver.paneTop('Inbox', 170);
      await driver.restMouse();
      if (wants('trees')) await save('trees', { x: 0, y: 0, width: 540, height: 900 });

      if (wants('viewer')) {
        // A click on an unread fax opens it (and marks it read).
        await driver.rows('Inbox').filter({ hasText: 'unread' }).first().click();
        const webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
        await webview.locator('canvas#page[aria-label]').waitFor({ timeout: 60_000 });
        // Zoomed out until the whole page fits, so the picture shows a page rather than its top.
        await zoomOutTo(webview, 55);
        await driver.restMouse();
        await save('viewer');
        await driver.palette('View: Close All Editors');
      }

      if (wants('preview') || wants('send-recipients') || wants('send-summary')) {
        // Text is laid out by the extension: the preview comes first, then the steps.
        await driver.openFile('TRY-ME.md');
        await driver.palette('Fax.Plus: Send as Fax');
        const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
        await preview.locator('canvas#page[aria-label]').waitFor({ timeout: 120_000 });
        await preview.locator('#previewHeading').waitFor();
        if (wants('preview')) {
          await driver.palette('View: Close Primary Side Bar');
          await preview.locator('canvas#page[aria-label]').waitFor();
          await zoomOutTo(preview, 45); // the whole page under the summary
          await driver.restMouse();
          await save('preview');
          await driver.palette('View: Toggle Primary Side Bar Visibility');
        }
        await preview.locator('button[data-action="send"]').click();
        await driver.restMouse(); // no hover on the quick input's rows
        const input = await driver.quickInputTitled('Send as Fax');
        await input.locator('input').fill('+1 201 555 0123, +44 20 7946 0958');
        await input.locator('.monaco-list-row', { hasText: 'Fax to 2 recipient(s)' }).waitFor();
        if (wants('send-recipients')) await save('send-recipients', input);
        // Each step says where it is in its title: wait for it before answering.
        await page.keyboard.press('Enter');
        await driver.quickInputTitled('(2/4)'); // from which number: the suggested one
        await page.keyboard.press('Enter');
        await driver.quickInputTitled('(3/4)'); // options: as configured
        await page.keyboard.press('Enter');
        await driver.quickInputTitled('check and send');
        await input.locator('.monaco-list-row', { hasText: 'Send the Fax' }).waitFor();
        if (wants('send-summary')) await save('send-summary', input);
        await page.keyboard.press('Escape');
      }

      if (wants('walkthrough')) {
        // Without the side bar the editor is wide enough for the step's page beside the steps.
        await driver.palette('View: Close Primary Side Bar');
        await driver.palette('Welcome: Open Walkthrough...');
        const pick = page.locator('.quick-input-widget');
        await pick.locator('input[placeholder^="Select a walkthrough"]').fill('Get started with Fax.Plus');
        await pick.locator('.monaco-list-row', { hasText: 'Get started with Fax.Plus' }).first().waitFor();
        await page.keyboard.press('Enter');
        // The first step open, with its page (a webview) rendered beside the steps.
        const walkthrough = page.locator('.gettingStartedContainer');
        await walkthrough
          .locator('.getting-started-step.expanded', { hasText: 'Create a Personal Access Token' })
          .waitFor({ timeout: 60_000 });
        await page
          .frameLocator('iframe.webview.ready')
          .frameLocator('#active-frame')
          .locator('table', { hasText: 'fax:numbers:read' })
          .waitFor({ timeout: 60_000 });
        await driver.restMouse();
        await save('walkthrough', walkthrough, 0);
      }
    },
  },
  // The sidebar and a received fax in another display language (issue 19): VS Code's own
  // menus stay English (the language pack built for the shot translates nothing of VS Code),
  // the extension's words, dates, numbers and sizes follow the language.
  ...['de', 'ja'].map((locale) => ({
    token: 'fullAccess',
    locale,
    shots: [`sidebar-${locale}`],
    prepare: seedOutboxOnce,
    async take({ driver, page, save }) {
      const titles = JSON.parse(readFileSync(new URL(`../../package.nls.${locale}.json`, import.meta.url), 'utf8'));
      await driver.openFaxPlus(titles['view.outbox']);
      await driver.rows(titles['view.outbox']).nth(1).waitFor();
      await driver.rows(titles['view.inbox']).nth(5).waitFor();
      await driver.sideBarWidth(470);
      // A received fax in a tab: the viewer's toolbar and the fax's details in the language too.
      await driver.rows(titles['view.inbox']).first().click();
      await page
        .frameLocator('iframe.webview.ready')
        .frameLocator('#active-frame')
        .locator('canvas#page[aria-label]')
        .waitFor({ timeout: 180_000 });
      await driver.restMouse();
      await save(`sidebar-${locale}`);
    },
  })),
  {
    // A fax sent from the editor, followed to Sent: the explorer marks the file, Show Fax History lists its receipt.
    token: 'fullAccess',
    shots: ['receipts-history'],
    // Follow the fax every second (the floor) so the shot does not wait for the default 15 s.
    settings: { 'faxplus.polling.outboxSeconds': 1 },
    async take({ driver, page, emu, save }) {
      await driver.openFile('lab-request.txt');
      await driver.palette('Fax.Plus: Send as Fax');
      await sendFromPreview(driver, page);
      const input = await driver.quickInputTitled('Send as Fax');
      await input.locator('input').fill('+1 201 555 0123');
      await input.locator('.monaco-list-row', { hasText: 'Fax to 1 recipient(s)' }).waitFor();
      await page.keyboard.press('Enter');
      await driver.quickInputTitled('(2/4)');
      await page.keyboard.press('Enter');
      await driver.quickInputTitled('(3/4)');
      await page.keyboard.press('Enter');
      await driver.quickInputTitled('check and send');
      await input.locator('.monaco-list-row', { hasText: 'Send the Fax' }).waitFor();
      await page.keyboard.press('Enter');
      await driver.toast('is in the Outbox');
      emu.clock.advance(60_000); // the emulator delivers the fax
      await driver.toast('was delivered');
      await driver.palette('View: Show Explorer');
      // The decoration's badge is drawn by CSS; its class on the file's label shows it is there.
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'lab-request.txt' });
      await row.locator('[class*="monaco-decoration-itemBadge"]').first().waitFor({ timeout: 60_000 });
      await driver.palette('Notifications: Clear All Notifications');
      await driver.palette('Fax.Plus: Show Fax History');
      const history = await driver.quickInputTitled('Fax History of lab-request.txt');
      await history.locator('.monaco-list-row', { hasText: '+1 201 555 0123' }).first().waitFor();
      await driver.restMouse();
      await save('receipts-history', { x: 0, y: 0, width: 1400, height: 420 });
      await page.keyboard.press('Escape');
    },
  },
  {
    // The address book: contacts offered by name in the recipients step, and the Inbox filtered from its title bar.
    token: 'fullAccess',
    shots: ['send-contacts', 'find-filter'],
    // Commands with arguments, as a person's keybindings or another extension would run them.
    keybindings: [
      {
        key: 'ctrl+alt+shift+1',
        command: 'faxplus.addContact',
        args: { name: 'Dr. Emily Chen', organisation: 'Cambridge Family Clinic', numbers: ['+1 617 555 0199', '+1 617 555 0142'] },
      },
      { key: 'ctrl+alt+shift+2', command: 'faxplus.addContact', args: { name: 'Dr. Raj Chenoweth', numbers: ['+44 20 7946 0958'] } },
      { key: 'ctrl+alt+shift+3', command: 'faxplus.filterInbox', args: { unread: true, since: daysAgo(30) } },
    ],
    async take({ driver, page, wants, save }) {
      await driver.openFaxPlus();
      await driver.rows('Inbox').nth(5).waitFor();
      await page.keyboard.press('Control+Alt+Shift+1');
      await driver.toast('Dr. Emily Chen');
      await page.keyboard.press('Control+Alt+Shift+2');
      await driver.toast('Dr. Raj Chenoweth');
      await driver.palette('Notifications: Clear All Notifications');
      if (wants('send-contacts')) {
        await driver.openFile('lab-request.txt');
        await driver.palette('Fax.Plus: Send as Fax');
        await sendFromPreview(driver, page);
        const input = await driver.quickInputTitled('Send as Fax');
        await input.locator('input').fill('+1 201 555 0123, chen');
        await input.locator('.monaco-list-row', { hasText: '+1 617 555 0199' }).waitFor();
        await driver.restMouse();
        await save('send-contacts', { x: 0, y: 0, width: 1400, height: 420 });
        await page.keyboard.press('Escape');
        await driver.palette('View: Close All Editors');
      }
      if (wants('find-filter')) {
        await page.keyboard.press('Control+Alt+Shift+3');
        await page.locator('.pane-header', { hasText: 'unread' }).first().waitFor();
        await driver.sideBarWidth(470);
        await driver.restMouse();
        await save('find-filter', { x: 0, y: 0, width: 540, height: 560 });
      }
    },
  },
  {
    token: 'readOnly',
    shots: ['scope-refusal'],
    keybindings: [{ key: SEND_KEY.vscode, command: 'faxplus.sendFax' }],
    async take({ driver, page, save }) {
      await driver.openFaxPlus();
      await driver.rows('Inbox').nth(5).waitFor();
      await driver.openFile('lab-request.txt');
      await page.keyboard.press(SEND_KEY.playwright);
      await driver.toast('fax:fax:edit');
      await driver.restMouse();
      await save('scope-refusal', { x: 0, y: 500, width: 1400, height: 400 });
    },
  },
  {
    token: 'expiringSoon',
    shots: ['token-expiry'],
    async take({ driver, save }) {
      await driver.openFaxPlus();
      await driver.rows('Inbox').nth(5).waitFor();
      await driver.statusItem('days left');
      await driver.toast('expires in');
      await driver.restMouse();
      await save('token-expiry', { x: 0, y: 560, width: 1400, height: 340 });
    },
  },
];

/**
 * Two faxes on their way, created through the API as the extension would: one
 * being sent now, one scheduled for later. The frozen clock keeps them pending.
 */
async function seedOutbox(emu) {
  const token = emu.demoTokens.fullAccess;
  const auth = { authorization: `Bearer ${token}` };
  const admin = emu.accounts.admin;
  const from = emu.state.numbers().find((n) => n.assigned_to?.includes?.(admin))?.number;
  const form = new FormData();
  form.append('fax_file', new Blob(['Lab results, page 1 of 1 (sample)\n'], { type: 'text/plain' }), 'lab-results.txt');
  const upload = await fetch(`${emu.apiUrl}/accounts/self/files`, { method: 'POST', headers: auth, body: form });
  if (!upload.ok) throw new Error(`upload → HTTP ${upload.status}`);
  const { path: file } = await upload.json();
  const send = async (body) => {
    const res = await fetch(`${emu.apiUrl}/accounts/self/outbox`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ from, files: [file], return_ids: true, ...body }),
    });
    if (!res.ok) throw new Error(`sendFax → HTTP ${res.status}: ${await res.text()}`);
  };
  await send({ to: ['+15550100123'], comment: 'Lab results' });
  emu.clock.advance(3_500); // past converting: the first fax is "sending"
  const later = new Date(emu.clock.now() + 3 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
  await send({ to: ['+442079460958'], comment: 'Referral', send_time: `${later} +0000` });
}

/** A text file is laid out first: the fax preview opens, and its Send… goes on to the steps. */
async function sendFromPreview(driver, page) {
  const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await preview.locator('canvas#page[aria-label]').waitFor({ timeout: 120_000 });
  await preview.locator('button[data-action="send"]').click();
  await driver.restMouse(); // no hover on the quick input's rows
}

/** `YYYY-MM-DD`, `days` days before today (the filter's argument form). */
function daysAgo(days) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Clicks the viewer's zoom-out button until the zoom is at most `percent`. */
async function zoomOutTo(webview, percent) {
  const zoom = webview.locator('#zoomLabel');
  for (let label = await zoom.innerText(); parseInt(label, 10) > percent;) {
    await webview.locator('#zoomOut').click();
    await webview.locator('#zoomLabel', { hasNotText: label }).waitFor();
    label = await zoom.innerText();
  }
}

/** Seeds the Outbox unless an earlier scene has (the emulator lives for the whole run). */
async function seedOutboxOnce(emu) {
  if (emu.state.outbox().length === 0) await seedOutbox(emu);
}

/** The Inbox must show at least `min` whole rows in the window as first laid out (issue: sidebar space). */
async function requireInboxRows(driver, min) {
  const pane = await driver.rows('Inbox').first().locator('xpath=ancestor::div[contains(@class,"pane-body")]').boundingBox();
  const boxes = await driver
    .rows('Inbox')
    .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect()).map((b) => ({ top: b.top, bottom: b.bottom })));
  const whole = boxes.filter((b) => b.top >= pane.y - 1 && b.bottom <= pane.y + pane.height + 1).length;
  console.error(`[screenshots] Inbox shows ${whole} whole rows (pane ${Math.round(pane.height)} px high)`);
  if (whole < min) throw new Error(`the Inbox shows ${whole} rows in a default window; ${min} wanted`);
}
