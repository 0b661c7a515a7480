// Drives the VS Code web workbench the way a person does — keyboard, clicks,
// the command palette — and waits for what a person would see (playwright
// locators, not sleeps). Used by the screenshot script.

// Generous: the workbench comes up slowly on a machine shared by many builds.
const LONG = 180_000;

export class WorkbenchDriver {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  /** Waits until the workbench and the extension's activity-bar icon are there. */
  async ready() {
    await this.page.locator('.activitybar [aria-label^="Fax.Plus"]').first().waitFor({ timeout: LONG });
  }

  /** Opens the Fax.Plus container from the activity bar (`outboxTitle`: the Outbox view's title in the display language). */
  async openFaxPlus(outboxTitle = 'Outbox') {
    const icon = this.page.locator('.activitybar [aria-label^="Fax.Plus"]').first();
    await icon.click();
    await this.paneHeader(outboxTitle).waitFor({ timeout: LONG });
  }

  /** A view's collapsible header in the side bar, by its title. */
  paneHeader(title) {
    return this.page.locator('.sidebar').locator(this.headerTitled(title));
  }

  /** The tree rows of one view (the pane holds its header and its body). */
  rows(title) {
    return this.page
      .locator('.sidebar .pane')
      .filter({ has: this.headerTitled(title) })
      .locator('.monaco-list-row');
  }

  headerTitled(title) {
    return this.page.locator('.pane-header').filter({ has: this.page.locator('h3.title', { hasText: new RegExp(`^${title}$`) }) });
  }

  async expand(title) {
    const header = this.paneHeader(title);
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await this.page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'true', await header.elementHandle());
  }

  /** Drags the sash on the side bar's right edge, as a person widens it. */
  async sideBarWidth(width) {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    await this.drag(box.x + box.width + 1, box.y + box.height / 2, box.x + width, box.y + box.height / 2);
  }

  /** Drags the sash above a view's header to `y`, giving the views above it less room. */
  async paneTop(title, y) {
    const box = await this.paneHeader(title).boundingBox();
    await this.drag(box.x + box.width / 2, box.y - 1, box.x + box.width / 2, y);
  }

  async drag(fromX, fromY, toX, toY) {
    await this.page.mouse.move(fromX, fromY);
    await this.page.mouse.down();
    await this.page.mouse.move(toX, toY, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Runs a command by its palette title (F1, type, Enter), as a person would. */
  async palette(title) {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Opens a workspace file in an editor through Quick Open. */
  async openFile(name) {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  }

  /** The quick input (palette, multi-step input), once its title contains `text`. */
  async quickInputTitled(text) {
    const widget = this.page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: text }).waitFor({ state: 'visible', timeout: LONG });
    return widget;
  }

  /** A notification toast containing `text`. */
  async toast(text) {
    const toast = this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
    await toast.waitFor({ state: 'visible', timeout: LONG });
    return toast;
  }

  /** A status bar entry containing `text`. */
  async statusItem(text) {
    const item = this.page.locator('.statusbar .statusbar-item', { hasText: text }).first();
    await item.waitFor({ state: 'visible', timeout: LONG });
    return item;
  }

  /** Moves the mouse out of the way so no hover or tooltip covers what is shown. */
  async restMouse() {
    await this.page.mouse.move(700, 450);
  }
}
