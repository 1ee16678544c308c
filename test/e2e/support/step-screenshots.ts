import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * Numbered screenshots of one scenario, in the order the steps happened, so a person can replay a
 * run by looking at test-output/e2e/<scenario>/ (01-requester-typed-add-external.png, ...).
 */
export class StepScreenshots {
  private count = 0;
  readonly taken: string[] = [];

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** The visible part of the page. */
  async page(page: Page, who: string, step: string): Promise<string> {
    const path = this.nextPath(who, step);
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    return path;
  }

  /**
   * One element (a card), whole: when it is taller than the window, the window is made taller for
   * the shot (so the page's fixed header does not cover it), then restored.
   */
  async element(target: Locator, who: string, step: string): Promise<string> {
    const path = this.nextPath(who, step);
    const page = target.page();
    const viewport = page.viewportSize();
    const box = await target.boundingBox();
    const margin = 200;
    const enlarge = viewport !== null && box !== null && box.height + margin > viewport.height;
    try {
      if (enlarge) await page.setViewportSize({ width: viewport.width, height: Math.ceil(box.height + 2 * margin) });
      await target.scrollIntoViewIfNeeded();
      await target.screenshot({ path, animations: 'disabled', caret: 'hide' });
    } finally {
      if (enlarge) await page.setViewportSize(viewport);
    }
    return path;
  }

  private nextPath(who: string, step: string): string {
    this.count += 1;
    const name = `${String(this.count).padStart(2, '0')}-${slug(who)}-${slug(step)}.png`;
    const path = join(this.dir, name);
    this.taken.push(path);
    return path;
  }
}

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'step'
  );
}
