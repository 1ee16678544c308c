import type { GroupClassification } from './group-kind';

/** A group as offered to a requester when they pick the target. */
export interface GroupSummary {
  readonly id: string;
  readonly displayName: string;
  readonly mail?: string;
  readonly classification: GroupClassification;
}
