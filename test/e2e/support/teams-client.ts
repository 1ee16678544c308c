import type { Locator, Page } from 'playwright-core';
import type { RunningPlayground } from './playground-server';
import type { StepScreenshots } from './step-screenshots';
import { shownText } from '../../support/teams-markdown';

/** How long a person waits for the bot before the test gives up (a 2-core CI machine is slow). */
export const botReplyTimeoutMs = 30000;

/** Desktop Teams-like window, and a phone's. */
export const desktopViewport = { width: 1280, height: 900 } as const;
export const phoneViewport = { width: 375, height: 812 } as const;
/** Width a card gets on a 375-px phone: the screen less 16 px on each side. */
export const phoneCardWidth = phoneViewport.width - 2 * 16;

export type Expected = string | RegExp;

/** A card as the Playground renders it: Adaptive Cards, and hero cards (choice prompts). */
export const cardSelector = '.ac-adaptiveCard, [data-tid="hero-card"]';
const cardButtonSelector = '.ac-actionSet button, [data-tid="hero-card-buttons"] button';

/**
 * A page expression counting the person's own messages in the open conversation: every message
 * has a header, and only the bot's headers name an author.
 */
const ownMessagesExpression =
  `Array.from(document.querySelectorAll('[aria-label="Message header"]')).filter((h) => h.querySelector('[aria-label="Message author"]') === null).length`;

/**
 * A page expression counting the log panel's lines "Microsoft 365 Agents Playground -> User
 * Application message <status>": one per message delivered to the bot, written when the bot answers.
 */
const finishedTurnsExpression =
  `Array.from(document.querySelectorAll('[data-e2e-log-panel] span')).filter((s) => /^message \\d{3}$/.test((s.textContent || '').trim()) && /Playground -> User Application/.test(s.previousElementSibling?.textContent || '')).length`;

/**
 * Visible text as a person reads it: the markdown rendered (markers and escapes gone, list numbers
 * and bullets drawn by the page, so not in its text), white space collapsed, and any `**` left out
 * as the page's text is read (see waitForBotMessage).
 */
export function plain(text: string): string {
  return shownText(text).replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * One person using the Playground's web client: the page object the scenarios talk to. Everything
 * it waits for is something the person would see (a message, a card, a button), never a delay.
 */
export class TeamsClient {
  private constructor(
    readonly page: Page,
    readonly who: string,
    readonly playground: RunningPlayground,
    private readonly shots: StepScreenshots,
  ) {}

  static async open(page: Page, playground: RunningPlayground, who: string, shots: StepScreenshots, phone = false): Promise<TeamsClient> {
    page.setDefaultTimeout(botReplyTimeoutMs);
    await page.goto(playground.url);
    const client = new TeamsClient(page, who, playground, shots);
    await client.composer().waitFor({ state: 'visible' });
    await client.tuckAwayLogPanel();
    if (phone) await client.narrowCardsToPhoneWidth();
    return client;
  }

  composer(): Locator {
    return this.page.locator('[role="textbox"][data-lexical-editor="true"]');
  }

  /** Every message the bot shows in the open conversation (text and cards), oldest first. */
  botMessages(): Locator {
    return this.page.locator('.fai-OutputCard');
  }

  /** True when the conversation is the open one (the list marks it with its own style). */
  async isOpen(label: string): Promise<boolean> {
    return this.page.evaluate((l) => {
      const items = Array.from(document.querySelectorAll('[role="treeitem"]'));
      const target = items.find((i) => i.getAttribute('aria-label') === l);
      return target !== undefined && items.length > 1 && items.every((i) => i === target || i.className !== target.className);
    }, label);
  }

  /** Opens a conversation from the list: "Personal Chat", "Group Chat", "My Team - General", "My Team - Approvals". */
  async openConversation(label: string): Promise<void> {
    if (await this.isOpen(label)) return;
    const item = this.page.locator(`[role="treeitem"][aria-label="${label}"]`).first();
    // On a narrow screen the conversation list is folded away behind the menu button.
    const menu = this.page.getByTitle('Toggle app bar and conversation window');
    const folded = !(await item.isVisible());
    if (folded) await menu.click();
    await item.click();
    if (folded) await menu.click();
    // Open: the list shows it selected (its own style, unlike every other conversation).
    await this.page.waitForFunction((l) => {
      const items = Array.from(document.querySelectorAll('[role="treeitem"]'));
      const target = items.find((i) => i.getAttribute('aria-label') === l);
      return target !== undefined && items.every((i) => i === target || i.className !== target.className);
    }, label);
    await this.composer().waitFor({ state: 'visible' });
  }

  /**
   * Types a message and sends it with Enter, as a person would, and waits until it shows in the
   * chat. Returns how many bot messages were on screen before, so the caller can wait for the
   * reply to this message only.
   */
  async say(text: string): Promise<number> {
    const before = await this.botMessages().count();
    const ownBefore = await this.ownMessageCount();
    const composer = this.composer();
    await composer.click();
    await composer.pressSequentially(text);
    const turnsBefore = await this.finishedTurns();
    await this.page.keyboard.press('Enter');
    await this.waitForOwnMessage(ownBefore);
    await this.waitForFinishedTurn(turnsBefore, text);
    return before;
  }

  /** The suggested-action button (shown under the bot's last message) with this title. */
  suggestedAction(title: string): Locator {
    // By its text: the accessible name comes from a tooltip element that is not always the button's own.
    return this.page.locator('button:not(.fai-OutputCard button)').filter({ has: this.page.getByText(title, { exact: true }) });
  }

  /**
   * Answers with a suggested action: presses its button when the chat shows it, or types the same
   * words, as the prompt invites. (The Playground drops the buttons when it draws the person's
   * previous message after the bot's reply.) Returns the bot message count before, like say().
   */
  async answerWithSuggestion(title: string): Promise<number> {
    const button = this.suggestedAction(title);
    if (!(await button.isVisible())) return this.say(title);
    const before = await this.botMessages().count();
    const ownBefore = await this.ownMessageCount();
    const turnsBefore = await this.finishedTurns();
    await button.click();
    await this.waitForOwnMessage(ownBefore);
    await this.waitForFinishedTurn(turnsBefore, title);
    return before;
  }

  /**
   * The Playground's log panel records, for every message it delivers, the bot's HTTP answer, which
   * comes when the bot has finished the turn (and saved its state). The panel stays in the page,
   * with its log kept current, but out of sight (it would cover a phone's screen), so screenshots
   * show the chat only.
   */
  private async tuckAwayLogPanel(): Promise<void> {
    const hide = this.page.getByTitle('Hide log panel');
    await hide.waitFor({ state: 'visible' });
    await hide.evaluate((button) => {
      const composer = document.querySelector('[role="textbox"][data-lexical-editor="true"]');
      // The panel: the largest part of the page around the button that does not hold the chat.
      let panel = button as HTMLElement;
      while (panel.parentElement && !panel.parentElement.contains(composer)) panel = panel.parentElement;
      panel.setAttribute('data-e2e-log-panel', 'tucked-away');
      panel.style.display = 'none';
    });
  }

  /** How many turns the bot has finished for this Playground (its answers in the log panel). */
  private async finishedTurns(): Promise<number> {
    return this.page.evaluate<number>(finishedTurnsExpression);
  }

  /** Waits until the bot has finished the turn of the message just sent (so its state is saved). */
  private async waitForFinishedTurn(countBefore: number, text: string): Promise<void> {
    try {
      await this.page.waitForFunction(`${finishedTurnsExpression} > ${countBefore}`, undefined, { polling: 100 });
    } catch (error) {
      throw new Error(`${this.who}: the bot never finished handling "${text}" (no answer in the Playground's log)`, { cause: error });
    }
  }

  /** How many of the person's own messages the open conversation shows. */
  private async ownMessageCount(): Promise<number> {
    return this.page.evaluate<number>(ownMessagesExpression);
  }

  private async waitForOwnMessage(countBefore: number): Promise<void> {
    await this.page.waitForFunction(`${ownMessagesExpression} > ${countBefore}`, undefined, { polling: 100 });
  }

  /** The first bot message at or after index `since` whose visible text contains (or matches) `expected`. */
  async waitForBotMessage(expected: Expected, since = 0, timeoutMs = botReplyTimeoutMs): Promise<Locator> {
    const wanted = typeof expected === 'string' ? { text: plain(expected), source: null, flags: '' } : { text: null, source: expected.source, flags: expected.flags };
    try {
      const handle = await this.page.waitForFunction(
        ({ since: from, text, source, flags }) => {
          const items = Array.from(document.querySelectorAll<HTMLElement>('.fai-OutputCard'));
          for (let i = from; i < items.length; i += 1) {
            const visible = (items[i]!.innerText || '').replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
            if (text !== null ? visible.includes(text) : new RegExp(source ?? '', flags).test(visible)) return { index: i };
          }
          return false;
        },
        { since, ...wanted },
        { timeout: timeoutMs, polling: 100 },
      );
      const { index } = (await handle.jsonValue()) as { index: number };
      const message = this.botMessages().nth(index);
      await message.scrollIntoViewIfNeeded();
      return message;
    } catch (error) {
      throw new Error(
        `${this.who} did not see a bot message ${typeof expected === 'string' ? `containing "${plain(expected)}"` : `matching ${expected}`} ` +
          `within ${timeoutMs} ms. Last bot messages:\n${await this.lastBotTexts(since)}`,
        { cause: error },
      );
    }
  }

  /** Like waitForBotMessage, for a message that is a card (Adaptive Card or hero card); returns the card. */
  async waitForCard(expected: Expected, since = 0, timeoutMs = botReplyTimeoutMs): Promise<Locator> {
    const message = await this.waitForBotMessage(expected, since, timeoutMs);
    const card = message.locator(cardSelector).first();
    await card.waitFor({ state: 'visible' });
    return card;
  }

  /**
   * A button of the card, found by its visible title: an Adaptive Card's action set (Action.Execute)
   * or a hero card's buttons (the bot's choice prompts).
   */
  cardButton(card: Locator, title: string): Locator {
    return card.locator(cardButtonSelector).filter({ has: this.page.getByText(title, { exact: true }) });
  }

  /** Clicks a card button once it is visible and enabled. */
  async clickCardButton(card: Locator, title: string): Promise<void> {
    const button = this.cardButton(card, title);
    await button.waitFor({ state: 'visible' });
    await button.click();
  }

  /** A screenshot of what this person sees now, scrolled to the newest message as a chat is. */
  async shot(step: string): Promise<string> {
    const newest = this.botMessages().last();
    if ((await this.botMessages().count()) > 0) await newest.scrollIntoViewIfNeeded();
    return this.shots.page(this.page, this.who, step);
  }

  /** A screenshot of one card. */
  async cardShot(card: Locator, step: string): Promise<string> {
    return this.shots.element(card, this.who, step);
  }

  /** The visible text of the bot messages from `since` on (for failure messages). */
  async lastBotTexts(since = 0, max = 6): Promise<string> {
    const texts = await this.botMessages().evaluateAll(
      (items, from) => items.slice(from).map((el) => ((el as HTMLElement).innerText || '').replace(/\s+/g, ' ').trim()),
      since,
    );
    const shown = texts.slice(-max);
    return shown.length === 0 ? '  (none)' : shown.map((t) => `  - ${t.slice(0, 300)}`).join('\n');
  }

  /**
   * The Playground hosts every card in a fixed 446-px box (desktop Teams). A phone gives a card the
   * screen's width less its margins: this narrows the card host to that width, so the card's own
   * layout (wrapping, columns, buttons) is what the check sees.
   */
  private async narrowCardsToPhoneWidth(): Promise<void> {
    // The chat pane has desktop minimum widths (400 and 600 px); a phone's pane is the screen.
    await this.composer().evaluate((composer) => {
      for (let el = composer.parentElement; el && el !== document.body; el = el.parentElement) {
        if (parseFloat(getComputedStyle(el).minWidth) > 0) el.style.minWidth = '0';
      }
    });
    await this.page.addStyleTag({
      content: `.ac-preview-panel, .ac-adaptiveCard, [data-tid="hero-card"] { width: ${phoneCardWidth}px !important; min-width: 0 !important; max-width: ${phoneCardWidth}px !important; }`,
    });
  }
}
