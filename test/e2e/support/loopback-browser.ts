import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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
  // Two people's windows side by side: neither may be slowed down as a background window.
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
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
 * Headless Chromium on a fresh profile (Playwright gives every launch a new temporary
 * --user-data-dir and deletes it afterwards), with one browser context per person, like two people
 * at two computers: separate storage, and each in its own window, so neither page is a background
 * tab whose timers and rendering Chromium would slow down. In every context, each request to a
 * host other than 127.0.0.1 or localhost is aborted (the Playground's page asks a CDN for fonts;
 * it renders fine without them).
 */
export class LoopbackBrowser {
  /** Requests that were aborted because they would have left the machine. */
  readonly blocked: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  private constructor(private readonly browser: Browser) {}

  static async launch(): Promise<LoopbackBrowser> {
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
    return new LoopbackBrowser(browser);
  }

  /** A page in a new context of its own (a separate person), with the loopback-only rule. */
  async newPage(viewport: { width: number; height: number }): Promise<Page> {
    const context = await this.browser.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC', serviceWorkers: 'block' });
    this.contexts.push(context);
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (isLoopbackUrl(url) || url.startsWith('data:') || url.startsWith('blob:')) {
        await route.continue();
      } else {
        this.blocked.push(url);
        await route.abort('blockedbyclient');
      }
    });
    return context.newPage();
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser.close();
  }
}
