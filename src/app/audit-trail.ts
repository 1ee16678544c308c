import type { Actor } from '../domain/access-request';
import type { AuditActor, AuditEntry, AuditLog } from './ports/audit-log';
import type { Clock } from './ports/clock';
import type { Logger } from './ports/logger';

export type AuditFacts = Omit<AuditEntry, 'at' | 'who'>;

/**
 * Appends to the audit log with the clock's time. A failing audit store is logged loudly but
 * does not undo or block the change it describes (that change is already stored).
 */
export class AuditTrail {
  constructor(
    private readonly log: AuditLog,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async byPerson(person: Actor, facts: AuditFacts): Promise<void> {
    await this.append({ kind: 'person', aadObjectId: person.aadObjectId, name: person.name }, facts);
  }

  async byBot(facts: AuditFacts): Promise<void> {
    await this.append({ kind: 'bot' }, facts);
  }

  private async append(who: AuditActor, facts: AuditFacts): Promise<void> {
    const entry: AuditEntry = { at: this.clock.now().toISOString(), who, ...facts };
    try {
      await this.log.append(entry);
    } catch (error) {
      this.logger.error('audit entry not stored', {
        requestId: facts.requestId,
        action: facts.action,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
