import { IntakeFields, type IntakeField } from '../intake-values';
import { foldForMatching } from './text-validators';
import { type Verdict, accept, reject } from './verdict';

/** Matches the answer to "which field do you want to change?": its number or its (translated) label. */
export function matchIntakeField(text: string, labels: Readonly<Record<IntakeField, string>>): Verdict<IntakeField> {
  const answer = foldForMatching(text);
  if (answer === '') return reject('intake.edit.choice.empty');
  if (/^\d+$/.test(answer)) {
    const field = IntakeFields[Number(answer) - 1];
    return field ? accept(field) : reject('intake.edit.choice.unknown', { answer: text.trim(), count: IntakeFields.length });
  }
  const field = IntakeFields.find((candidate) => foldForMatching(labels[candidate]) === answer);
  return field ? accept(field) : reject('intake.edit.choice.unknown', { answer: text.trim(), count: IntakeFields.length });
}
