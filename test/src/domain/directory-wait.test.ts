import { strict as assert } from 'node:assert';
import { defaultDirectoryWaitPolicy, isDirectoryWaitDue, nextDirectoryWait, type DirectoryWait } from '../../../src/domain/directory-wait';
import { resumeAfterWait, waitForDirectory, fail, startProvisioning } from '../../../src/domain/request-lifecycle';
import { sampleRequest } from '../support/sample-request';

const t0 = '2026-11-22T10:00:00.000Z';
const plus = (ms: number): string => new Date(Date.parse(t0) + ms).toISOString();

describe('waiting for the directory (pure)', () => {
  it('backs off 15 s, 30 s, 1, 2, 4, 5 min, then the rest of the 15 minutes, and gives up after', () => {
    let wait: DirectoryWait | undefined;
    let at = t0;
    const delays: number[] = [];
    for (;;) {
      const next = nextDirectoryWait(wait, 'add-distribution-group-member', at, defaultDirectoryWaitPolicy);
      if (next.kind === 'give-up') {
        assert.equal(next.waitedMs, 900_000);
        break;
      }
      delays.push(Date.parse(next.wait.dueAt) - Date.parse(at));
      wait = next.wait;
      at = next.wait.dueAt;
    }
    assert.deepEqual(delays, [15_000, 30_000, 60_000, 120_000, 240_000, 300_000, 135_000]);
    assert.equal(wait?.attempt, 7);
    assert.equal(wait?.until, plus(900_000));
  });

  it('a later step that meets the delay starts its own count and its own limit', () => {
    const first = nextDirectoryWait(undefined, 'create-mail-contact', t0, defaultDirectoryWaitPolicy);
    assert.equal(first.kind, 'wait');
    if (first.kind !== 'wait') return;
    const other = nextDirectoryWait(first.wait, 'add-distribution-group-member', plus(20_000), defaultDirectoryWaitPolicy);
    assert.equal(other.kind, 'wait');
    if (other.kind !== 'wait') return;
    assert.deepEqual(other.wait, { step: 'add-distribution-group-member', attempt: 1, since: plus(20_000), dueAt: plus(35_000), until: plus(920_000) });
  });

  it('is due at its due time, not before', () => {
    const wait: DirectoryWait = { step: 's', attempt: 1, since: t0, dueAt: plus(15_000), until: plus(900_000) };
    assert.equal(isDirectoryWaitDue(wait, plus(14_999)), false);
    assert.equal(isDirectoryWaitDue(wait, plus(15_000)), true);
  });

  it('provisioning pauses in waiting-for-directory, resumes only when due, and a failure or a retry clears the wait', () => {
    const provisioning = sampleRequest({ status: 'provisioning' });
    const wait: DirectoryWait = { step: 'add-distribution-group-member', attempt: 1, since: t0, dueAt: plus(15_000), until: plus(900_000) };
    const paused = waitForDirectory(provisioning, wait, t0);
    assert.equal(paused.kind, 'ok');
    if (paused.kind !== 'ok') return;
    assert.equal(paused.request.status, 'waiting-for-directory');
    assert.deepEqual(paused.request.directoryWait, wait);
    assert.equal(resumeAfterWait(paused.request, plus(1000)).kind, 'invalid-state', 'not yet due');
    const resumed = resumeAfterWait(paused.request, plus(15_000));
    assert.equal(resumed.kind, 'ok');
    if (resumed.kind !== 'ok') return;
    assert.equal(resumed.request.status, 'provisioning');
    assert.deepEqual(resumed.request.directoryWait, wait, 'kept, to count the next wait');
    const failed = fail(resumed.request, { step: 'add-distribution-group-member', errorCode: 'replication-pending', at: plus(900_000) });
    assert.ok(failed.kind === 'ok' && failed.request.directoryWait === undefined);
    if (failed.kind !== 'ok') return;
    const retried = startProvisioning(failed.request, plus(1_000_000));
    assert.ok(retried.kind === 'ok' && retried.request.directoryWait === undefined && retried.request.failure === undefined);
    assert.equal(waitForDirectory(sampleRequest({ status: 'approved' }), wait, t0).kind, 'invalid-state');
  });
});
