import type { Translator } from '../src/i18n/message-catalogue';
import { type AdaptiveCardJson, CardTemplate } from './adaptive-card';
import template from './templates/welcome-card.json';

const welcomeTemplate = new CardTemplate(template);

export interface WelcomeCardView {
  /** The language of the card's texts (also how Teams words its dates). */
  readonly lang: string;
  readonly title: string;
  readonly intro: string;
  readonly steps: readonly { readonly number: string; readonly text: string }[];
  readonly commands: string;
  readonly startLabel: string;
}

/** The translated view model of the welcome card. */
export function welcomeCardView(t: Translator): WelcomeCardView {
  return {
    lang: t.locale,
    title: t('card.welcome.title'),
    intro: t('card.welcome.intro'),
    steps: (['1', '2', '3'] as const).map((number) => ({ number, text: t(`card.welcome.step${number}`) })),
    commands: t('card.welcome.commands'),
    startLabel: t('card.welcome.start'),
  };
}

/** The card sent when the bot is installed: what it does, and a button to start a request. */
export function welcomeCard(view: WelcomeCardView): AdaptiveCardJson {
  return welcomeTemplate.expand(view);
}
