import type { TurnContext } from 'botbuilder';
import type { ApproverCommands } from '../../dialogs/approver-commands';

/** ApproverCommands fake: remembers which command the dialog handed over. */
export class RecordingApproverCommands implements ApproverCommands {
  readonly calls: string[] = [];
  async registerApprovalsHere(_context: TurnContext): Promise<void> {
    this.calls.push('approvals-here');
  }
  async registerEscalationsHere(_context: TurnContext): Promise<void> {
    this.calls.push('escalations-here');
  }
  async listPending(_context: TurnContext): Promise<void> {
    this.calls.push('pending');
  }
}
