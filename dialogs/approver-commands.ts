import type { TurnContext } from 'botbuilder';

/** The approvers' commands, which the main dialog recognises and hands over (implemented in src/bot). */
export interface ApproverCommands {
  /** "approvals here": approval cards go to this conversation from now on. */
  registerApprovalsHere(context: TurnContext): Promise<void>;
  /** "escalations here": requests nobody decided in time go to this conversation from now on (escalation approvers). */
  registerEscalationsHere(context: TurnContext): Promise<void>;
  /** "pending": the requests waiting for a decision, grouped by age, then the oldest as approval cards. */
  listPending(context: TurnContext): Promise<void>;
}
