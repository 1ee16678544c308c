import type { MessageKey, MessageParams } from '../../i18n/message-catalogue';

/** A catalogue message (locales/en/doctor.json) and its parameters: checks never hold English text. */
export interface DoctorMessage {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

/** The outcome of one check: green with what was found, or red with what is wrong and the exact fix. */
export type CheckResult =
  | { readonly title: DoctorMessage; readonly passed: true; readonly summary: DoctorMessage }
  | {
      readonly title: DoctorMessage;
      readonly passed: false;
      readonly summary: DoctorMessage;
      /** Lines listed under the red line as they are (for example every configuration problem). */
      readonly details?: readonly string[];
      readonly fix: DoctorMessage;
    };

export function message(key: MessageKey, params?: MessageParams): DoctorMessage {
  return params === undefined ? { key } : { key, params };
}
