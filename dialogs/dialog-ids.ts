/** Every dialog and prompt id, in one place, so no two can collide and none is a stray literal. */
export const DialogIds = {
  main: 'main',
  intake: 'intake',
  intakeSteps: 'intake.steps',
  groupPicker: 'intake.groupPicker',
  groupPickerSteps: 'intake.groupPicker.steps',
  editDraft: 'intake.editDraft',
  editDraftSteps: 'intake.editDraft.steps',
  mainSteps: 'main.steps',
  emailPrompt: 'prompt.email',
  firstNamePrompt: 'prompt.firstName',
  lastNamePrompt: 'prompt.lastName',
  displayNamePrompt: 'prompt.displayName',
  companyPrompt: 'prompt.company',
  reasonPrompt: 'prompt.reason',
  groupQueryPrompt: 'prompt.groupQuery',
  groupChoicePrompt: 'prompt.groupChoice',
  fieldChoicePrompt: 'prompt.fieldChoice',
} as const;

export type DialogId = (typeof DialogIds)[keyof typeof DialogIds];
