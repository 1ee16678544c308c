import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { RequestIntake } from '../src/app/request-intake';
import type { Clock } from '../src/app/ports/clock';
import type { Assessment } from '../src/domain/assessment';
import type { ExistingRecipient } from '../src/domain/recipient';
import type { GroupSummary } from '../src/domain/group-summary';
import type { MessageCatalogue, MessageKey, Translator } from '../src/i18n/message-catalogue';
import { type ConfirmationSubject, confirmationCard, confirmationCardView } from '../cards/confirmation-card';
import { CancelAndHelpDialog } from './cancel-and-help-dialog';
import { answerWords } from './command-recognizer';
import { CheckedTextPrompt, type PromptOutcome } from './checked-text-prompt';
import { DialogIds } from './dialog-ids';
import { GroupPickerDialog, type GroupPickerOptions, type GroupPickerResult } from './group-picker-dialog';
import type { IntakeField, PendingDraft } from './intake-values';
import type { PendingDrafts } from './pending-drafts';
import { turnActor, turnTenantId } from './turn-actor';
import { type AcceptedAddress, interpretAddressCheck, validateEmailSyntax } from './validators/email-validator';
import {
  validateCompany,
  validateDisplayName,
  validateFirstName,
  validateLastName,
  validateReason,
} from './validators/text-validators';
import { readerOf } from '../src/i18n/reader';

export interface IntakeDialogOptions {
  /** Editing an existing draft: its id, what it holds, and the one field to ask again. */
  readonly edit?: { readonly draftId: string; readonly subject: ConfirmationSubject; readonly field: IntakeField };
}

export interface IntakeDialogDependencies {
  readonly intake: RequestIntake;
  readonly catalogue: MessageCatalogue;
  readonly drafts: PendingDrafts;
  readonly clock: Clock;
  readonly newDraftId: () => string;
}

/** The answers collected so far; kept in the waterfall's own state, never in the dialog instance. */
interface Answers {
  email?: string;
  existingRecipient?: ExistingRecipient;
  firstName?: string;
  lastName?: string;
  displayName?: string;
  company?: string;
  group?: GroupSummary;
  assessment?: Assessment;
  reason?: string;
}

interface DisplayNameValidations {
  readonly suggested: string;
}

type Step = WaterfallStepContext<IntakeDialogOptions>;

function answersOf(step: Step): Answers {
  const values = step.values as { answers?: Answers };
  if (!values.answers) {
    const subject = step.options.edit?.subject;
    values.answers = subject
      ? {
          email: subject.person.email,
          existingRecipient: subject.assessment.existingRecipient,
          firstName: subject.person.firstName,
          lastName: subject.person.lastName,
          displayName: subject.person.displayName,
          company: subject.person.company,
          group: subject.group,
          assessment: subject.assessment,
          reason: subject.reason,
        }
      : {};
  }
  return values.answers;
}

/** True when this run asks `field`: every field for a new request, only the chosen one when editing. */
function asks(step: Step, field: IntakeField): boolean {
  const editing = step.options.edit?.field;
  return editing === undefined || editing === field;
}

/**
 * The intake: the external person's e-mail, first name, last name, display name, company, the
 * target group and the reason, then the confirmation card. Every answer is checked (by pure
 * validators and by the application through RequestIntake); the confirmed draft is kept under an id
 * that the card's Confirm, Edit and Cancel buttons carry.
 */
export class IntakeDialog extends CancelAndHelpDialog {
  private readonly intake: RequestIntake;
  private readonly drafts: PendingDrafts;
  private readonly clock: Clock;
  private readonly newDraftId: () => string;

  constructor(deps: IntakeDialogDependencies) {
    super(DialogIds.intake, deps.catalogue, 'intake.help');
    this.intake = deps.intake;
    this.drafts = deps.drafts;
    this.clock = deps.clock;
    this.newDraftId = deps.newDraftId;
    const catalogue = deps.catalogue;
    this.addDialog(
      new CheckedTextPrompt<AcceptedAddress>(
        DialogIds.emailPrompt,
        async (text) => {
          const syntax = validateEmailSyntax(text);
          return syntax.ok ? interpretAddressCheck(await this.intake.checkAddress(syntax.value)) : syntax;
        },
        catalogue,
      ),
    );
    this.addDialog(new CheckedTextPrompt<string>(DialogIds.firstNamePrompt, async (text) => validateFirstName(text), catalogue));
    this.addDialog(new CheckedTextPrompt<string>(DialogIds.lastNamePrompt, async (text) => validateLastName(text), catalogue));
    this.addDialog(
      new CheckedTextPrompt<string>(
        DialogIds.displayNamePrompt,
        async (text, context, validations) =>
          validateDisplayName(text, (validations as DisplayNameValidations).suggested, answerWords(this.catalogue, this.t(context), 'intake.displayName.useDefaultWords')),
        catalogue,
      ),
    );
    this.addDialog(
      new CheckedTextPrompt<string | undefined>(
        DialogIds.companyPrompt,
        async (text, context) => validateCompany(text, answerWords(this.catalogue, this.t(context), 'intake.company.skipWords')),
        catalogue,
      ),
    );
    this.addDialog(new CheckedTextPrompt<string>(DialogIds.reasonPrompt, async (text) => validateReason(text), catalogue));
    this.addDialog(new GroupPickerDialog(deps.intake, catalogue));
    this.addDialog(
      new WaterfallDialog<IntakeDialogOptions>(DialogIds.intakeSteps, [
        (step) => this.askEmail(step),
        (step) => this.recordEmailAskFirstName(step),
        (step) => this.recordFirstNameAskLastName(step),
        (step) => this.recordLastNameAskDisplayName(step),
        (step) => this.recordDisplayNameAskCompany(step),
        (step) => this.recordCompanyPickGroup(step),
        (step) => this.recordGroupAskReason(step),
        (step) => this.recordReasonConfirm(step),
      ]),
    );
    this.initialDialogId = DialogIds.intakeSteps;
  }

  private t(context: TurnContext): Translator {
    return this.catalogue.translator(readerOf(context.activity));
  }

  /** The question, plus the value being replaced when editing. */
  private question(step: Step, key: MessageKey, params: Record<string, string>, current: string | undefined): string {
    const t = this.t(step.context);
    const asked = t(key, params);
    return step.options.edit && current !== undefined ? `${asked}\n\n${t('intake.edit.currentValue', { value: current })}` : asked;
  }

  private async giveUp(step: Step): Promise<DialogTurnResult> {
    await step.context.sendActivity(this.t(step.context)('intake.gaveUp'));
    return step.endDialog();
  }

  /** The answer of the previous step's prompt, or undefined when the requester gave up. */
  private answered<T>(step: Step): T | undefined {
    const outcome = step.result as PromptOutcome<T>;
    return outcome.kind === 'answered' ? outcome.value : undefined;
  }

  private async askEmail(step: Step): Promise<DialogTurnResult> {
    const t = this.t(step.context);
    if (!turnActor(step.context)) {
      await step.context.sendActivity(t('intake.unknownRequester'));
      return step.endDialog();
    }
    const answers = answersOf(step);
    if (!asks(step, 'email')) return step.next();
    if (!step.options.edit) await step.context.sendActivity(t('intake.intro'));
    return step.prompt(DialogIds.emailPrompt, { prompt: this.question(step, 'intake.email.ask', {}, answers.email) });
  }

  private async recordEmailAskFirstName(step: Step): Promise<DialogTurnResult> {
    const answers = answersOf(step);
    if (asks(step, 'email')) {
      const address = this.answered<AcceptedAddress>(step);
      if (!address) return this.giveUp(step);
      answers.email = address.email;
      answers.existingRecipient = address.existingRecipient;
      if (address.existingRecipient) {
        const t = this.t(step.context);
        await step.context.sendActivity(
          t('intake.email.recognised', {
            email: address.email,
            kind: address.existingRecipient.kind,
            name: address.existingRecipient.displayName,
          }),
        );
      }
    }
    if (!asks(step, 'firstName')) return step.next();
    return step.prompt(DialogIds.firstNamePrompt, {
      prompt: this.question(step, 'intake.firstName.ask', { email: answers.email ?? '' }, answers.firstName),
    });
  }

  private async recordFirstNameAskLastName(step: Step): Promise<DialogTurnResult> {
    const answers = answersOf(step);
    if (asks(step, 'firstName')) {
      const firstName = this.answered<string>(step);
      if (firstName === undefined) return this.giveUp(step);
      if (step.options.edit && answers.displayName === `${answers.firstName} ${answers.lastName}`) {
        answers.displayName = `${firstName} ${answers.lastName}`;
      }
      answers.firstName = firstName;
    }
    if (!asks(step, 'lastName')) return step.next();
    return step.prompt(DialogIds.lastNamePrompt, {
      prompt: this.question(step, 'intake.lastName.ask', { firstName: answers.firstName ?? '' }, answers.lastName),
    });
  }

  private async recordLastNameAskDisplayName(step: Step): Promise<DialogTurnResult> {
    const answers = answersOf(step);
    if (asks(step, 'lastName')) {
      const lastName = this.answered<string>(step);
      if (lastName === undefined) return this.giveUp(step);
      if (step.options.edit && answers.displayName === `${answers.firstName} ${answers.lastName}`) {
        answers.displayName = `${answers.firstName} ${lastName}`;
      }
      answers.lastName = lastName;
    }
    if (!asks(step, 'displayName')) return step.next();
    const suggested = `${answers.firstName} ${answers.lastName}`;
    const prompt = MessageFactory.suggestedActions(
      [suggested],
      this.question(step, 'intake.displayName.ask', { suggested }, answers.displayName),
    );
    const validations: DisplayNameValidations = { suggested };
    return step.prompt(DialogIds.displayNamePrompt, { prompt, validations });
  }

  private async recordDisplayNameAskCompany(step: Step): Promise<DialogTurnResult> {
    const answers = answersOf(step);
    if (asks(step, 'displayName')) {
      const displayName = this.answered<string>(step);
      if (displayName === undefined) return this.giveUp(step);
      answers.displayName = displayName;
    }
    if (!asks(step, 'company')) return step.next();
    const t = this.t(step.context);
    const prompt = MessageFactory.suggestedActions(
      [t('intake.company.skip')],
      this.question(step, 'intake.company.ask', { name: answers.displayName ?? '' }, answers.company ?? t('card.summary.fact.none')),
    );
    return step.prompt(DialogIds.companyPrompt, { prompt });
  }

  private async recordCompanyPickGroup(step: Step): Promise<DialogTurnResult> {
    const answers = answersOf(step);
    if (asks(step, 'company')) {
      const outcome = step.result as PromptOutcome<string | undefined>;
      if (outcome.kind === 'gave-up') return this.giveUp(step);
      answers.company = outcome.value;
    }
    const email = answers.email ?? '';
    if (asks(step, 'group')) return step.beginDialog(DialogIds.groupPicker, { email } satisfies GroupPickerOptions);
    // A new address changes what the group check finds (existing recipient, membership): check again.
    if (step.options.edit?.field === 'email' && answers.group) {
      const recheck = { id: answers.group.id, displayName: answers.group.displayName };
      return step.beginDialog(DialogIds.groupPicker, { email, recheck } satisfies GroupPickerOptions);
    }
    return step.next();
  }

  private async recordGroupAskReason(step: Step): Promise<DialogTurnResult> {
    const answers = answersOf(step);
    const picked = step.result as GroupPickerResult | undefined;
    if (picked) {
      if (picked.kind === 'gave-up') return this.giveUp(step);
      answers.group = picked.group;
      answers.assessment = picked.assessment;
    }
    if (!asks(step, 'reason')) return step.next();
    return step.prompt(DialogIds.reasonPrompt, {
      prompt: this.question(
        step,
        'intake.reason.ask',
        { name: answers.displayName ?? '', group: answers.group?.displayName ?? '' },
        answers.reason,
      ),
    });
  }

  private async recordReasonConfirm(step: Step): Promise<DialogTurnResult> {
    const answers = answersOf(step);
    if (asks(step, 'reason')) {
      const reason = this.answered<string>(step);
      if (reason === undefined) return this.giveUp(step);
      answers.reason = reason;
    }
    const t = this.t(step.context);
    const requester = turnActor(step.context);
    const { email, firstName, lastName, displayName, company, group, assessment, reason } = answers;
    if (!requester || !email || !firstName || !lastName || !displayName || !group || !assessment || !reason) {
      throw new Error('Intake reached confirmation with an incomplete draft');
    }
    const subject: ConfirmationSubject = {
      person: company === undefined ? { email, firstName, lastName, displayName } : { email, firstName, lastName, displayName, company },
      group,
      assessment,
      reason,
    };
    const draft: PendingDraft = {
      id: step.options.edit?.draftId ?? this.newDraftId(),
      tenantId: turnTenantId(step.context) ?? '',
      requester,
      subject,
      updatedAt: this.clock.now().toISOString(),
    };
    await this.drafts.put(step.context, draft);
    const card = confirmationCard(confirmationCardView(draft.id, subject, { kind: 'open' }, t));
    await step.context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card), t('intake.confirm.intro')));
    return step.endDialog(draft);
  }
}
