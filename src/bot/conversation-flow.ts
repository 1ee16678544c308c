import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { type DialogState, DialogSet, runDialog } from 'botbuilder-dialogs';
import type { MainDialog, MainDialogOptions } from '../../dialogs/main-dialog';

/**
 * Runs the user's dialogs: a message continues whatever they are in the middle of (or starts the
 * main dialog); a card button starts a flow afresh. Dialog state is per user and conversation.
 */
export class ConversationFlow {
  constructor(
    private readonly main: MainDialog,
    private readonly dialogState: StatePropertyAccessor<DialogState>,
  ) {}

  continue(context: TurnContext): Promise<void> {
    return runDialog(this.main, context, this.dialogState);
  }

  async start(context: TurnContext, options: MainDialogOptions): Promise<void> {
    const dialogs = new DialogSet(this.dialogState);
    dialogs.add(this.main);
    const dc = await dialogs.createContext(context);
    await dc.cancelAllDialogs();
    await dc.beginDialog(this.main.id, options);
  }
}
