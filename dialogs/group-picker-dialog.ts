import { ActionTypes, type CardAction, CardFactory, InputHints, MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { RequestIntake } from '../src/app/request-intake';
import type { GroupSummary } from '../src/domain/group-summary';
import { literalText, trustedMarkdown } from '../src/i18n/literal-text';
import type { MessageCatalogue, Translator } from '../src/i18n/message-catalogue';
import { CheckedTextPrompt, maxTries, type PromptOutcome } from './checked-text-prompt';
import { DialogIds } from './dialog-ids';
import { turnActor } from './turn-actor';
import { type GroupChoice, type PickedGroup, groupChoiceLabel, interpretGroupCheck, matchGroupChoice } from './validators/group-validators';
import { answerWords } from './command-recognizer';
import { validateGroupQuery } from './validators/text-validators';
import { type Verdict, reject } from './validators/verdict';
import { readerOf } from '../src/i18n/reader';

export interface GroupPickerOptions {
  /** The external person's address: the group check needs it (membership, existing recipient). */
  readonly email: string;
  /** Check this group again without asking (the address changed); ask for another one if it is refused. */
  readonly recheck?: { readonly id: string; readonly displayName: string };
  /** Groups refused so far in this picker. */
  readonly refusals?: number;
}

export type GroupPickerResult = ({ readonly kind: 'picked' } & PickedGroup) | { readonly kind: 'gave-up' };

interface SearchResult {
  readonly query: string;
  readonly groups: readonly GroupSummary[];
}

interface ChoiceValidations {
  readonly groups: readonly GroupSummary[];
}

type Picked = GroupChoice | { readonly kind: 'recheck'; readonly id: string; readonly displayName: string };

function pickedFrom(result: Picked | PromptOutcome<GroupChoice>): Picked | undefined {
  switch (result.kind) {
    case 'answered':
      return result.value;
    case 'gave-up':
      return undefined;
    default:
      return result;
  }
}

/**
 * Finds the target group: searches the groups the requester owns by the start of a name, offers
 * the matches, and has the application check the chosen one. A refused group is explained with
 * what to do instead and the search starts again; the third refusal (or third wrong answer) ends it.
 */
export class GroupPickerDialog extends ComponentDialog {
  constructor(
    private readonly intake: RequestIntake,
    private readonly catalogue: MessageCatalogue,
  ) {
    super(DialogIds.groupPicker);
    this.addDialog(new CheckedTextPrompt<SearchResult>(DialogIds.groupQueryPrompt, (text, context) => this.search(text, context), catalogue));
    this.addDialog(
      new CheckedTextPrompt<GroupChoice>(
        DialogIds.groupChoicePrompt,
        async (text, context, validations) =>
          matchGroupChoice(text, (validations as ChoiceValidations).groups, answerWords(this.catalogue, this.t(context), 'intake.group.searchAgainWords')),
        catalogue,
      ),
    );
    this.addDialog(
      new WaterfallDialog<GroupPickerOptions>(DialogIds.groupPickerSteps, [
        (step) => this.askQuery(step),
        (step) => this.offerMatches(step),
        (step) => this.checkChoice(step),
      ]),
    );
    this.initialDialogId = DialogIds.groupPickerSteps;
  }

  private t(context: TurnContext): Translator {
    return this.catalogue.translator(readerOf(context.activity));
  }

  private async search(text: string, context: TurnContext): Promise<Verdict<SearchResult>> {
    const query = validateGroupQuery(text);
    if (!query.ok) return query;
    const requester = turnActor(context);
    if (!requester) return reject('intake.unknownRequester');
    const groups = await this.intake.searchGroups(requester.aadObjectId, query.value);
    if (groups.length === 0) return reject('intake.group.noneOwned', { query: query.value });
    return { ok: true, value: { query: query.value, groups } };
  }

  private async askQuery(step: WaterfallStepContext<GroupPickerOptions>): Promise<DialogTurnResult> {
    const { recheck } = step.options;
    if (recheck) return step.next({ kind: 'recheck', ...recheck });
    return step.prompt(DialogIds.groupQueryPrompt, { prompt: this.t(step.context)('intake.group.ask') });
  }

  private async offerMatches(step: WaterfallStepContext<GroupPickerOptions>): Promise<DialogTurnResult> {
    if (step.options.recheck) return step.next(step.result);
    const outcome = step.result as PromptOutcome<SearchResult>;
    if (outcome.kind === 'gave-up') return step.endDialog({ kind: 'gave-up' } satisfies GroupPickerResult);
    const t = this.t(step.context);
    const { groups } = outcome.value;
    const [only] = groups;
    if (groups.length === 1 && only) {
      await step.context.sendActivity(t('intake.group.foundOne', { group: groupChoiceLabel(only) }));
      return step.next({ kind: 'group', group: only } satisfies Picked);
    }
    const list = groups.map((group, index) => `${index + 1}. ${literalText(groupChoiceLabel(group))}`).join('\n\n');
    const searchAgain = t('intake.group.searchAgain');
    // Buttons carry the short name (a phone-wide card cuts longer titles); the list above them has the
    // addresses, and the answer a button sends is the full label, which the validator matches.
    const buttons: CardAction[] = [
      ...groups.map((group) => ({ type: ActionTypes.ImBack, title: group.displayName, value: groupChoiceLabel(group) })),
      { type: ActionTypes.ImBack, title: searchAgain, value: searchAgain },
    ];
    // The list is the message's text (markdown, where group names show literally); the hero card
    // holds only the buttons, since Teams reads a hero card's text as HTML.
    const text = t('intake.group.choose', { count: groups.length, query: outcome.value.query, list: trustedMarkdown(list) });
    const prompt = MessageFactory.attachment(CardFactory.heroCard('', undefined, buttons), text, undefined, InputHints.ExpectingInput);
    const validations: ChoiceValidations = { groups };
    return step.prompt(DialogIds.groupChoicePrompt, { prompt, validations });
  }

  private async checkChoice(step: WaterfallStepContext<GroupPickerOptions>): Promise<DialogTurnResult> {
    const { email, refusals = 0 } = step.options;
    const picked = pickedFrom(step.result as Picked | PromptOutcome<GroupChoice>);
    if (!picked) return step.endDialog({ kind: 'gave-up' } satisfies GroupPickerResult);
    if (picked.kind === 'search-again') return step.replaceDialog(DialogIds.groupPicker, { email, refusals } satisfies GroupPickerOptions);

    const requester = turnActor(step.context);
    if (!requester) {
      await step.context.sendActivity(this.t(step.context)('intake.unknownRequester'));
      return step.endDialog({ kind: 'gave-up' } satisfies GroupPickerResult);
    }
    const groupId = picked.kind === 'group' ? picked.group.id : picked.id;
    const groupName = picked.kind === 'group' ? picked.group.displayName : picked.displayName;
    const verdict = interpretGroupCheck(await this.intake.checkGroup(requester.aadObjectId, groupId, email), groupName);
    if (verdict.ok) return step.endDialog({ kind: 'picked', ...verdict.value } satisfies GroupPickerResult);

    const t = this.t(step.context);
    await step.context.sendActivity(t(verdict.problem.key, verdict.problem.params));
    if (refusals + 1 >= maxTries) return step.endDialog({ kind: 'gave-up' } satisfies GroupPickerResult);
    return step.replaceDialog(DialogIds.groupPicker, { email, refusals: refusals + 1 } satisfies GroupPickerOptions);
  }
}
