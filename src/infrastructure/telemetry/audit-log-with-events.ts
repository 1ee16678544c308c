import { logs, SeverityNumber } from '@opentelemetry/api-logs';
import type { AuditEntry, AuditLog } from '../../app/ports/audit-log';


const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Details of an audit entry that are codes, never free text (a rejection's reason is the approver's words). */
const codeDetails = new Set(['step', 'attempt', 'path']);

/**
 * The custom dimensions of a lifecycle event: ids, codes and outcomes only. Names, addresses and
 * reasons stay in the audit log (in the organisation's own storage).
 */
export function lifecycleEventAttributes(entry: AuditEntry): Record<string, string> {
  const details = Object.entries(entry.details ?? {}).filter(([key]) => codeDetails.has(key) || (key === 'reason' && entry.outcome === 'refused'));
  return {
    'microsoft.custom_event.name': entry.action,
    requestId: entry.requestId,
    outcome: entry.outcome,
    actorKind: entry.who.kind,
    ...(entry.who.kind === 'person' ? { actorId: entry.who.aadObjectId } : {}),
    ...(entry.errorCode !== undefined ? { errorCode: entry.errorCode } : {}),
    // Object ids only: an entry may also name a recipient by its address (recipientIdentity).
    ...Object.fromEntries(Object.entries(entry.objectIds ?? {}).filter(([, value]) => guid.test(value))),
    ...Object.fromEntries(details),
  };
}

/**
 * The audit log that also tells telemetry: every entry (submitted, approved, rejected, each
 * provisioning step, completed, failed, retried, external senders allowed) becomes a custom event
 * in Application Insights named after its action. The audit log stays the record; the events are
 * for dashboards and alerts. Without a telemetry SDK registered, emitting costs nothing.
 */
export class AuditLogWithEvents implements AuditLog {
  constructor(private readonly inner: AuditLog) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.inner.append(entry);
    // Asked for at each event, so events go to the provider registered when telemetry started.
    logs.getLogger('group-gatekeeper').emit({ severityNumber: SeverityNumber.INFO, severityText: 'INFO', attributes: lifecycleEventAttributes(entry) });
  }

  list(requestId: string): Promise<AuditEntry[]> {
    return this.inner.list(requestId);
  }
}
