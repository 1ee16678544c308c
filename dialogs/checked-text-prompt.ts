import { ActivityTypes, type TurnContext } from 'botbuilder';
import { type DialogContext, type DialogEvent, Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import type { MessageCatalogue } from '../src/i18n/message-catalogue';
import type { Verdict } from './validators/verdict';
import { readerOf } from '../src/i18n/reader';

/** How a checked prompt ended: with an accepted answer, or after too many wrong ones. */
export type PromptOutcome<T> = { readonly kind: 'answered'; readonly value: T } | { readonly kind: 'gave-up' };

/**
 * The thin adapter between a prompt and a pure validator: gets the typed text (and the prompt's
 * `validations`, for context such as the offered choices) and returns a verdict.
 */
export type AnswerInterpreter<T> = (text: string, context: TurnContext, validations: unknown) => Promise<Verdict<T>>;

/** Wrong answers allowed before the prompt gives up. */
export const maxTries = 3;

interface CheckedPromptState {
  failures?: number;
}

/**
 * A text prompt whose answers are checked by an interpreter. A wrong answer gets a message saying
 * exactly what was wrong, then the question again; the third wrong answer ends the prompt with
 * `gave-up`, so the calling dialog can stop politely.
 */
export class CheckedTextPrompt<T> extends Prompt<PromptOutcome<T>> {
  constructor(
    dialogId: string,
    private readonly interpret: AnswerInterpreter<T>,
    private readonly catalogue: MessageCatalogue,
  ) {
    super(dialogId);
  }

  /**
   * The base prompt recognises every incoming message once more while the "activityReceived" event
   * bubbles; our recognition asks the directory and answers the user, so it must run exactly once.
   */
  protected override async onPreBubbleEvent(_dc: DialogContext, _event: DialogEvent): Promise<boolean> {
    return false;
  }

  protected override async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const prompt = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (prompt !== undefined) await context.sendActivity(prompt);
  }

  protected override async onRecognize(
    context: TurnContext,
    state: object,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<PromptOutcome<T>>> {
    const promptState = state as CheckedPromptState;
    const text = context.activity.type === ActivityTypes.Message ? (context.activity.text ?? '') : '';
    const verdict = await this.interpret(text, context, options.validations);
    if (verdict.ok) return { succeeded: true, value: { kind: 'answered', value: verdict.value } };

    const failures = (promptState.failures ?? 0) + 1;
    promptState.failures = failures;
    if (failures >= maxTries) return { succeeded: true, value: { kind: 'gave-up' } };

    const t = this.catalogue.translator(readerOf(context.activity));
    await context.sendActivity(t(verdict.problem.key, verdict.problem.params));
    const again = options.retryPrompt ?? options.prompt;
    if (again !== undefined) await context.sendActivity(again);
    return { succeeded: false };
  }
}
