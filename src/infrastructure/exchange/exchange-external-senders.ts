import { ErrorCodes, isAppError } from '../../app/app-error';
import type { ExternalSendersGateway } from '../../app/allow-external-senders';
import type { Logger } from '../../app/ports/logger';
import type { ExchangeRecipients } from '../../app/ports/provisioning-gateway';
import type { TargetGroup } from '../../domain/access-request';

/**
 * The ExternalSendersGateway of the AllowExternalSenders use case over Exchange:
 * Set-DistributionGroup -RequireSenderAuthenticationEnabled:$false (already allowed = allowed).
 * Microsoft 365 groups are not changed this way (Set-UnifiedGroup is out of scope).
 */
export class ExchangeExternalSenders implements ExternalSendersGateway {
  constructor(
    private readonly recipients: ExchangeRecipients,
    private readonly logger: Logger,
  ) {}

  async allowExternalSenders(group: TargetGroup): Promise<{ readonly kind: 'allowed' } | { readonly kind: 'failed'; readonly errorCode: string }> {
    if (group.kind === 'microsoft-365') return { kind: 'failed', errorCode: ErrorCodes.groupNotWritable };
    try {
      const result = await this.recipients.allowExternalSenders(group.id);
      this.logger.info('external senders allowed', { groupId: group.id, result });
      return { kind: 'allowed' };
    } catch (error) {
      const errorCode = isAppError(error) ? error.code : ErrorCodes.unexpectedResponse;
      this.logger.warn('allowing external senders failed', { groupId: group.id, errorCode, error: error instanceof Error ? error.message : String(error) });
      return { kind: 'failed', errorCode };
    }
  }
}
