import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { MessageCatalogue, Translator } from '../src/i18n/message-catalogue';
import type { ApproverCommands } from './approver-commands';
import { recognizeCommand } from './command-recognizer';
import { DialogIds } from './dialog-ids';
import { EditDraftDialog, type EditDraftOptions } from './edit-draft-dialog';
import { IntakeDialog, type IntakeDialogDependencies } from './intake-dialog';
import { readerOf } from '../src/i18n/reader';

/** How the main dialog was started: from a message (read its text), or by a card button. */
export type MainDialogOptions =
  | { readonly start: 'intake' }
  | { readonly start: 'edit'; readonly draftId: string }
  | { readonly start?: undefined };

/**
 * The root of every conversation with the bot. It starts the intake on "add external" (or the
 * welcome card's Start button) and the edit of a draft on the card's Edit button; "help" and
 * anything it does not understand get the help text, never silence.
 */
export class MainDialog extends ComponentDialog {
  constructor(
    private readonly catalogue: MessageCatalogue,
    deps: IntakeDialogDependencies,
    private readonly approverCommands: ApproverCommands,
  ) {
    super(DialogIds.main);
    this.addDialog(new IntakeDialog(deps));
    this.addDialog(new EditDraftDialog(catalogue, deps.drafts));
    this.addDialog(new WaterfallDialog<MainDialogOptions>(DialogIds.mainSteps, [(step) => this.route(step), (step) => step.endDialog()]));
    this.initialDialogId = DialogIds.mainSteps;
  }

  private t(context: TurnContext): Translator {
    return this.catalogue.translator(readerOf(context.activity));
  }

  private async route(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    const options: MainDialogOptions = step.options ?? {};
    if (options.start === 'intake') return step.beginDialog(DialogIds.intake);
    if (options.start === 'edit') return step.beginDialog(DialogIds.editDraft, { draftId: options.draftId } satisfies EditDraftOptions);

    const t = this.t(step.context);
    const text = step.context.activity.text;
    switch (recognizeCommand(text, this.catalogue)) {
      case 'add-external':
        return step.beginDialog(DialogIds.intake);
      case 'help':
        await step.context.sendActivity(t('bot.help'));
        return step.endDialog();
      case 'cancel':
        await step.context.sendActivity(t('bot.nothingToCancel'));
        return step.endDialog();
      case 'approvals-here':
        await this.approverCommands.registerApprovalsHere(step.context);
        return step.endDialog();
      case 'pending':
        await this.approverCommands.listPending(step.context);
        return step.endDialog();
      case undefined:
        await step.context.sendActivity(
          (text ?? '').trim() === '' ? t('bot.help') : `${t('bot.notUnderstood', { text: (text ?? '').trim().slice(0, 80) })}\n\n${t('bot.help')}`,
        );
        return step.endDialog();
    }
  }
}
