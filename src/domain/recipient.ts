/**
 * A directory object that already owns an e-mail address. Exchange's RecipientTypeDetails decide
 * the kind where Exchange is asked; Graph's userType where Graph is asked.
 */
export type RecipientKind = 'mail-contact' | 'guest' | 'member-user' | 'mail-user' | 'group' | 'other';

export interface ExistingRecipient {
  readonly kind: RecipientKind;
  /** Entra object id (Graph id, or Exchange ExternalDirectoryObjectId) when known. */
  readonly id?: string;
  /** Exchange identity usable as -Member / -Identity (primary SMTP address or alias) when known. */
  readonly exchangeIdentity?: string;
  readonly displayName: string;
  readonly email: string;
}
