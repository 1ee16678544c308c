import type { AddressCheck } from '../../src/app/request-intake';
import type { ExistingRecipient } from '../../src/domain/recipient';
import { type Verdict, accept, reject } from './verdict';

export interface AcceptedAddress {
  readonly email: string;
  readonly existingRecipient?: ExistingRecipient;
}

/** Longest address Exchange and Entra accept (RFC 5321 path limit). */
const maxLength = 254;
const localPart = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const domainLabel = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * Checks the shape of an e-mail address before anything is asked of the directory. Returns the
 * address trimmed and lower-cased, or what is wrong with it.
 */
export function validateEmailSyntax(text: string): Verdict<string> {
  const address = text.trim();
  if (address === '') return reject('intake.email.empty');
  if (/\s/.test(address)) return reject('intake.email.spaces');
  if (address.length > maxLength) return reject('intake.email.tooLong', { max: maxLength });
  const at = address.lastIndexOf('@');
  if (at < 0 || address.indexOf('@') !== at) return reject('intake.email.oneAt');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local === '' || !localPart.test(local) || local.length > 64) return reject('intake.email.badLocalPart');
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => domainLabel.test(label)) || /^[0-9]+$/.test(labels.at(-1) ?? '')) {
    return reject('intake.email.badDomain', { domain });
  }
  return accept(address.toLowerCase());
}

/** Turns the directory's verdict on an address into an answer to record or a reason to ask again. */
export function interpretAddressCheck(check: AddressCheck): Verdict<AcceptedAddress> {
  switch (check.kind) {
    case 'ok':
      return accept(check.existingRecipient ? { email: check.email, existingRecipient: check.existingRecipient } : { email: check.email });
    case 'malformed':
      return reject('intake.email.malformed');
    case 'internal':
      return reject('intake.email.internal', { domain: check.domain });
    case 'taken':
      return reject(`intake.email.taken.${check.existingRecipient.kind === 'group' ? 'group' : 'user'}`, {
        name: check.existingRecipient.displayName,
      });
  }
}
