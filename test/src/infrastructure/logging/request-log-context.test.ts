import { strict as assert } from 'node:assert';
import type { Logger } from '../../../../src/app/ports/logger';
import { createLogger } from '../../../../src/infrastructure/logging/pino-logger';
import { notifierWithRequestLog, provisionerWithRequestLog } from '../../../../src/infrastructure/logging/request-log-context';
import { sampleRequest } from '../../support/sample-request';

class CapturedLines {
  readonly lines: Record<string, unknown>[] = [];
  write(line: string): void {
    this.lines.push(JSON.parse(line) as Record<string, unknown>);
  }
}

describe('request ids on the logs of background work', () => {
  it('a line an adapter logs while the request is provisioned carries its requestId; the result is passed through', async () => {
    const out = new CapturedLines();
    const exchangeLog: Logger = createLogger({ destination: out }).child({ component: 'exchange' });
    const request = sampleRequest();
    const provisioner = provisionerWithRequestLog({
      provision: async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        exchangeLog.warn('exchange throttled or unavailable, retrying');
        return { kind: 'completed', recipientId: 'contact-1', alreadyMember: false };
      },
    });
    const outcome = await provisioner.provision(request, async () => undefined);
    exchangeLog.info('after');
    assert.deepEqual(outcome, { kind: 'completed', recipientId: 'contact-1', alreadyMember: false });
    assert.deepEqual(out.lines.map((line) => [line['msg'], line['requestId']]), [
      ['exchange throttled or unavailable, retrying', request.id],
      ['after', undefined],
    ]);
  });

  it('lines logged while the approval card is published, the requester told or the approvers reminded carry the requestId', async () => {
    const out = new CapturedLines();
    const log = createLogger({ destination: out });
    const request = sampleRequest();
    const notifier = notifierWithRequestLog({
      publishApprovalCard: async () => {
        log.info('posting');
        return { kind: 'updated' };
      },
      notifyRequester: async () => {
        log.info('telling');
        return { kind: 'delivered' };
      },
      remindApprovers: async () => {
        log.info('reminding');
        return { kind: 'no-conversation' };
      },
      postEscalation: async () => {
        log.info('escalating');
        return { kind: 'no-conversation' };
      },
    });
    assert.deepEqual(await notifier.publishApprovalCard(request), { kind: 'updated' });
    assert.deepEqual(await notifier.notifyRequester(request, 'approved'), { kind: 'delivered' });
    assert.deepEqual(await notifier.remindApprovers(request, { number: 1, of: 3, at: request.createdAt }, 'approvers'), { kind: 'no-conversation' });
    assert.deepEqual(await notifier.postEscalation(request, request.createdAt), { kind: 'no-conversation' });
    assert.deepEqual(out.lines.map((line) => line['requestId']), [request.id, request.id, request.id, request.id]);
  });
});
