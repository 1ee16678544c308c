import type { TurnContext } from 'botbuilder';
import { ChoiceFactory, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { trustedMarkdown } from '../src/i18n/literal-text';
import type { MessageCatalogue, Translator } from '../src/i18n/message-catalogue';
import { CancelAndHelpDialog } from './cancel-and-help-dialog';
import { CheckedTextPrompt, type PromptOutcome } from './checked-text-prompt';
import { DialogIds } from './dialog-ids';
import type { IntakeDialogOptions } from './intake-dialog';
import { IntakeFields, type IntakeField } from './intake-values';
import type { PendingDrafts } from './pending-drafts';
import { matchIntakeField } from './validators/field-choice-validator';
import { readerOf } from '../src/i18n/reader';

export interface EditDraftOptions {
  readonly draftId: string;
}

function fieldLabels(t: Translator): Record<IntakeField, string> {
  return Object.fromEntries(IntakeFields.map((field) => [field, t(`intake.field.${field}`)])) as Record<IntakeField, string>;
}

/** Edit on the confirmation card: asks which one field to change, then re-asks only that field. */
export class EditDraftDialog extends CancelAndHelpDialog {
  constructor(
    catalogue: MessageCatalogue,
    private readonly drafts: PendingDrafts,
  ) {
    super(DialogIds.editDraft, catalogue, 'intake.edit.help');
    this.addDialog(
      new CheckedTextPrompt<IntakeField>(
        DialogIds.fieldChoicePrompt,
        async (text, context) => matchIntakeField(text, fieldLabels(this.t(context))),
        catalogue,
      ),
    );
    this.addDialog(
      new WaterfallDialog<EditDraftOptions>(DialogIds.editDraftSteps, [(step) => this.askField(step), (step) => this.editField(step)]),
    );
    this.initialDialogId = DialogIds.editDraftSteps;
  }

  private t(context: TurnContext): Translator {
    return this.catalogue.translator(readerOf(context.activity));
  }

  private async askField(step: WaterfallStepContext<EditDraftOptions>): Promise<DialogTurnResult> {
    const t = this.t(step.context);
    const labels = fieldLabels(t);
    const list = IntakeFields.map((field, index) => `${index + 1}. ${labels[field]}`).join('\n\n');
    // The question is the message's text (markdown); the hero card holds only the buttons (Teams reads its text as HTML).
    const prompt = { ...ChoiceFactory.heroCard(IntakeFields.map((field) => labels[field])), text: t('intake.edit.ask', { list: trustedMarkdown(list) }) };
    return step.prompt(DialogIds.fieldChoicePrompt, { prompt });
  }

  private async editField(step: WaterfallStepContext<EditDraftOptions>): Promise<DialogTurnResult> {
    const t = this.t(step.context);
    const outcome = step.result as PromptOutcome<IntakeField>;
    if (outcome.kind === 'gave-up') {
      await step.context.sendActivity(t('intake.edit.gaveUp'));
      return step.endDialog();
    }
    const draft = await this.drafts.get(step.context, step.options.draftId);
    if (!draft || draft.submittedRequestId !== undefined || draft.cancelled) {
      await step.context.sendActivity(t('intake.edit.draftClosed'));
      return step.endDialog();
    }
    const options: IntakeDialogOptions = { edit: { draftId: draft.id, subject: draft.subject, field: outcome.value } };
    return step.replaceDialog(DialogIds.intake, options);
  }
}
