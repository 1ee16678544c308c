import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. CHROMIUM_PATH overrides it for other systems. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--metrics-recording-only',
  '--no-default-browser-check',
  // Name resolution only for loopback: nothing else can even be looked up.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/**
 * Headless Chromium on a fresh profile, in which every request to a host other than 127.0.0.1 or
 * localhost is aborted (the Playground's page asks a CDN for fonts; it renders fine without them).
 */
export class LoopbackBrowser {
  /** Requests that were aborted because they would have left the machine. */
  readonly blocked: string[] = [];

  private constructor(
    private readonly context: BrowserContext,
    private readonly profileDir: string,
  ) {}

  static async launch(): Promise<LoopbackBrowser> {
    const profileDir = mkdtempSync(join(tmpdir(), 'e2e-chromium-'));
    let context: BrowserContext;
    try {
      context = await chromium.launchPersistentContext(profileDir, {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs,
        viewport: { width: 1280, height: 900 },
        serviceWorkers: 'block',
        locale: 'en-US',
        timezoneId: 'UTC',
      });
    } catch (error) {
      rmSync(profileDir, { recursive: true, force: true });
      throw error;
    }
    const browser = new LoopbackBrowser(context, profileDir);
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (isLoopbackUrl(url) || url.startsWith('data:') || url.startsWith('blob:')) {
        await route.continue();
      } else {
        browser.blocked.push(url);
        await route.abort('blockedbyclient');
      }
    });
    return browser;
  }

  async newPage(viewport: { width: number; height: number }): Promise<Page> {
    const page = await this.context.newPage();
    await page.setViewportSize(viewport);
    return page;
  }

  get pages(): readonly Page[] {
    return this.context.pages();
  }

  async close(): Promise<void> {
    try {
      await this.context.close();
    } finally {
      rmSync(this.profileDir, { recursive: true, force: true });
    }
  }
}
