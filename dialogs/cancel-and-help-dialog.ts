import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { MessageCatalogue, MessageKey } from '../src/i18n/message-catalogue';
import { recognizeCommand } from './command-recognizer';
import { readerOf } from '../src/i18n/reader';

/**
 * Base of every conversation the user can be in the middle of: "cancel" stops it at any step
 * (nothing is saved), "help" explains the current step and asks the question again, and
 * "add external" says a request is already under way.
 */
export abstract class CancelAndHelpDialog extends ComponentDialog {
  protected constructor(
    dialogId: string,
    protected readonly catalogue: MessageCatalogue,
    private readonly helpKey: MessageKey,
  ) {
    super(dialogId);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = innerDc.context;
    if (activity.type !== ActivityTypes.Message) return undefined;
    const t = this.catalogue.translator(readerOf(activity));
    switch (recognizeCommand(activity.text, this.catalogue)) {
      case 'cancel':
        await innerDc.context.sendActivity(t('bot.cancelled'));
        return innerDc.cancelAllDialogs();
      case 'help':
        await innerDc.context.sendActivity(t(this.helpKey));
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      case 'add-external':
        await innerDc.context.sendActivity(t('bot.alreadyInProgress'));
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      case undefined:
        return undefined;
    }
  }
}
