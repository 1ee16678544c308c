import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { type DialogState, DialogSet, DialogTurnStatus } from 'botbuilder-dialogs';
import type { MainDialog, MainDialogOptions } from '../../dialogs/main-dialog';

/**
 * Runs the user's dialogs: a message continues whatever they are in the middle of (or starts the
 * main dialog); a card button starts a flow afresh. Dialog state is per user and conversation.
 *
 * A dialog context straight from the dialog set, rather than botbuilder-dialogs' runDialog: our
 * dialogs keep their answers in their own state and use none of the memory scopes that runDialog
 * loads and saves on every turn (settings, turn, conversation and user memory), nor skills.
 */
export class ConversationFlow {
  private readonly dialogs: DialogSet;

  constructor(
    private readonly main: MainDialog,
    dialogState: StatePropertyAccessor<DialogState>,
  ) {
    this.dialogs = new DialogSet(dialogState);
    this.dialogs.add(main);
  }

  async continue(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.main.id);
  }

  async start(context: TurnContext, options: MainDialogOptions): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    await dc.cancelAllDialogs();
    await dc.beginDialog(this.main.id, options);
  }
}
