import type { SubmitResult } from '../../app/request-intake';
import { interpretAddressCheck } from '../../../dialogs/validators/email-validator';
import { groupRefusal } from '../../../dialogs/validators/group-validators';
import type { Problem } from '../../../dialogs/validators/verdict';

type Refusal = Extract<SubmitResult, { kind: 'invalid' }>['check'];

/** Why a submission was refused (something changed since the card was shown), as a catalogue message. */
export function submitRefusal(check: Refusal, groupName: string): Problem {
  switch (check.kind) {
    case 'malformed':
    case 'internal':
    case 'taken': {
      const verdict = interpretAddressCheck(check);
      if (verdict.ok) throw new Error('unreachable: a refused address check cannot be accepted');
      return verdict.problem;
    }
    default:
      return groupRefusal(check, groupName);
  }
}
