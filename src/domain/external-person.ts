/** The external person a requester wants to bring into a group. Addresses are stored lower-cased. */
export interface ExternalPerson {
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly displayName: string;
  readonly company?: string;
}
