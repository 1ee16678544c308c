/**
 * The local experience exactly as the README starts it: `npm start`'s launcher (simulated tenant,
 * bot, Microsoft 365 Agents Playground with its generated config for Megan), in Chromium. The other
 * scenarios build their own system from the pieces; this one proves the launcher itself works.
 */
import { strict as assert } from 'node:assert';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freePort } from '../support/free-port';
import { LoopbackBrowser } from './support/loopback-browser';
import { projectRoot } from './support/project-root';

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
}

describe('npm start in a browser: Megan asks for an external person through the Agents Playground', function () {
  this.timeout(90000);
  let launcher: ChildProcess | undefined;
  let browser: LoopbackBrowser | undefined;
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bot-ui-'));
    launcher = spawn(process.execPath, [join(projectRoot(), 'dist', 'scripts', 'start.js')], {
      cwd: projectRoot(),
      env: { HOME: homedir(), PORT: String(await freePort()), PLAYGROUND_PORT: String(await freePort()), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    browser = await LoopbackBrowser.launch();
  });

  after(async () => {
    await browser?.close();
    if (launcher && launcher.exitCode === null) {
      const exited = new Promise((resolve) => launcher?.once('exit', resolve));
      launcher.kill('SIGINT');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function say(page: Page, text: string): Promise<void> {
    const box = page.locator('[role="textbox"][data-lexical-editor="true"]');
    await box.click();
    await box.type(text);
    await page.keyboard.press('Enter');
  }

  async function waitForText(page: Page, text: string): Promise<void> {
    await page.getByText(text, { exact: false }).last().waitFor({ timeout: 15000 });
  }

  it('welcome card, Start, every question, the confirmation card and Confirm', async () => {
    assert.ok(launcher && browser);
    const [, url] = await waitForLine(launcher, /Open (http:\/\/127\.0\.0\.1:\d+) in your browser/, 40000);
    const page = await browser.newPage({ width: 1280, height: 900 });
    await page.goto(url ?? '');

    const welcome = page.locator('.ac-adaptiveCard').filter({ hasText: 'Add external people to your groups' }).first();
    await welcome.waitFor({ timeout: 20000 });
    await welcome.locator('.ac-actionSet').getByRole('button', { name: 'Start a request' }).click();
    await waitForText(page, "What is the external person's e-mail address?");

    const answers: readonly [string, string][] = [
      ['jane.doe@partner.example', 'What is the first name of jane.doe@partner.example?'],
      ['Jane', "And Jane's last name?"],
      ['Doe', 'How should their name be shown'],
      ['ok', 'Which company does Jane Doe work for?'],
      ['Partner Ltd', 'Which group should they join?'],
      ['Sales Partners', 'Last question: why does Jane Doe need to be in Sales Partners?'],
      ['Joint tender with Partner Ltd', 'Please check this request'],
    ];
    for (const [answer, next] of answers) {
      await say(page, answer);
      await waitForText(page, next);
    }
    const confirmation = page.locator('.ac-adaptiveCard').filter({ hasText: 'Please check this request' }).last();
    await confirmation.getByText('accepts mail only from people inside the organisation').waitFor();
    await confirmation.locator('.ac-actionSet').getByRole('button', { name: 'Confirm' }).click();
    await waitForText(page, 'is submitted and waiting for an admin');
    const submitted = await page.getByText(/Request R-[0-9A-Z]{6} is submitted/).last().innerText();
    assert.match(submitted, /Request R-[0-9A-Z]{6} is submitted/);
  });
});
