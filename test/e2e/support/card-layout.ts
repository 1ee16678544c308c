import type { Locator } from 'playwright-core';

/** What a person would see as broken in a card: something cut off or sticking out. */
export interface CardLayoutReport {
  readonly cardWidth: number;
  readonly viewportWidth: number;
  readonly problems: readonly string[];
  /** How many visible elements (text blocks, facts, buttons...) were checked. */
  readonly checked: number;
  readonly buttons: number;
}

/**
 * Checks a rendered Adaptive Card: the card lies inside the viewport, no element inside it is wider
 * than its box (scrollWidth > clientWidth means clipped or ellipsised text), clipped vertically
 * (line clamps) or sticks out of the card, and every button lies inside the card and shows its
 * whole title.
 */
export async function checkCardLayout(card: Locator): Promise<CardLayoutReport> {
  await card.scrollIntoViewIfNeeded();
  return card.evaluate((root) => {
    const problems: string[] = [];
    const tolerance = 1;
    const viewportWidth = window.innerWidth;
    const cardBox = root.getBoundingClientRect();
    const describe = (el: Element): string => {
      const text = ((el as HTMLElement).innerText || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 60);
      const kind = el.tagName.toLowerCase() + (el.classList.length > 0 ? `.${Array.from(el.classList).filter((c) => c.startsWith('ac-')).join('.')}` : '');
      return text ? `${kind} "${text}"` : kind;
    };
    if (cardBox.left < -tolerance || cardBox.right > viewportWidth + tolerance) {
      problems.push(`the card spans x ${Math.round(cardBox.left)}..${Math.round(cardBox.right)}, outside the ${viewportWidth}-px screen`);
    }
    if (root.scrollWidth > root.clientWidth + tolerance) {
      problems.push(`the card's content is ${root.scrollWidth} px wide in a ${root.clientWidth}-px card`);
    }
    let checked = 0;
    let buttons = 0;
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      checked += 1;
      const html = el as HTMLElement;
      if (box.left < cardBox.left - tolerance || box.right > cardBox.right + tolerance) {
        problems.push(`${describe(el)} sticks out of the card (x ${Math.round(box.left)}..${Math.round(box.right)}, card ${Math.round(cardBox.left)}..${Math.round(cardBox.right)})`);
      }
      if (html.clientWidth > 0 && html.scrollWidth > html.clientWidth + tolerance) {
        problems.push(`${describe(el)} is cut off: ${html.scrollWidth} px of content in ${html.clientWidth} px`);
      }
      const clipsVertically = style.overflowY === 'hidden' || style.overflowY === 'clip' || style.webkitLineClamp !== 'none';
      if (clipsVertically && html.clientHeight > 0 && html.scrollHeight > html.clientHeight + tolerance) {
        problems.push(`${describe(el)} is cut off at the bottom: ${html.scrollHeight} px of content in ${html.clientHeight} px`);
      }
      if (el.tagName === 'BUTTON' || el.getAttribute('role') === 'button') {
        buttons += 1;
        if (box.left < 0 || box.right > viewportWidth + tolerance) problems.push(`button ${describe(el)} is off the screen`);
      }
    }
    return { cardWidth: Math.round(cardBox.width), viewportWidth, problems: [...new Set(problems)], checked, buttons };
  });
}
