import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { ApproverRoster } from '../../../src/app/approver-roster';
import { systemClock } from '../../../src/app/ports/clock';
import { MemoryLogger } from '../support/test-logger';

const alex = 'fa87908e-7a2e-4bed-9075-6c28dbb016b4';
const adele = 'd739b704-2799-499a-bfd5-437d3bf57787';
const diego = 'f86ce0e7-7d95-4a89-9570-3b9a35341f19';

/** The approvers group as the directory shows it; counts what the roster asks. */
class FakeApproversGroup {
  members = new Set([alex, adele]);
  failing = false;
  rosterReads = 0;
  singleChecks = 0;
  pending: Promise<void> | undefined;

  async approverIds(): Promise<readonly string[]> {
    this.rosterReads += 1;
    if (this.pending) await this.pending;
    if (this.failing) throw new Error('Graph is unavailable');
    return [...this.members];
  }

  async isApprover(userId: string): Promise<boolean> {
    this.singleChecks += 1;
    if (this.failing) throw new Error('Graph is unavailable');
    return this.members.has(userId);
  }
}

describe('ApproverRoster: who approves, answered from memory', () => {
  let group: FakeApproversGroup;
  let roster: ApproverRoster;
  let timers: sinon.SinonFakeTimers;
  let logger: MemoryLogger;

  beforeEach(() => {
    timers = sinon.useFakeTimers({ now: Date.parse('2026-12-05T10:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    group = new FakeApproversGroup();
    logger = new MemoryLogger();
    roster = new ApproverRoster({ directory: group, clock: systemClock, logger });
  });

  afterEach(() => {
    roster.stop();
    sinon.restore();
  });

  it('once read, answers every check without asking the directory', async () => {
    roster.start();
    await timers.tickAsync(0);
    for (let i = 0; i < 10; i += 1) {
      assert.equal(await roster.isApprover(alex), true);
      assert.equal(await roster.isApprover(diego), false);
    }
    assert.equal(group.rosterReads, 1);
    assert.equal(group.singleChecks, 0, 'no per-user call on the hot path');
  });

  it('compares object ids case-insensitively', async () => {
    roster.start();
    await timers.tickAsync(0);
    assert.equal(await roster.isApprover(alex.toUpperCase()), true);
  });

  it('a check made while the first read is on its way waits for it, not for a call of its own', async () => {
    let release!: () => void;
    group.pending = new Promise((resolve) => (release = resolve));
    roster.start();
    const answer = roster.isApprover(adele);
    release();
    assert.equal(await answer, true);
    assert.equal(group.singleChecks, 0);
  });

  it('someone added to the approvers group is an approver after the next refresh (30 s), and removed ones stop being one', async () => {
    roster.start();
    await timers.tickAsync(0);
    group.members.add(diego);
    group.members.delete(adele);
    await timers.tickAsync(29_000);
    assert.equal(await roster.isApprover(diego), false, 'not before the refresh');
    await timers.tickAsync(1_000);
    assert.equal(await roster.isApprover(diego), true);
    assert.equal(await roster.isApprover(adele), false);
    assert.equal(group.rosterReads, 2);
  });

  it('when the directory stops answering, the roster is trusted for 60 s, then each check asks the directory about that user', async () => {
    roster.start();
    await timers.tickAsync(0);
    group.failing = true;
    await timers.tickAsync(60_000);
    assert.equal(await roster.isApprover(alex), true, 'still within the bound');
    assert.equal(group.singleChecks, 0);
    assert.ok(logger.records.some((e) => e.level === 'warn' && e.msg.startsWith('could not read the approvers group')));

    await timers.tickAsync(1_000);
    await assert.rejects(roster.isApprover(alex), /Graph is unavailable/, 'past the bound: the direct check, which fails like the directory');
    group.failing = false;
    assert.equal(await roster.isApprover(alex), true);
    assert.equal(group.singleChecks, 2);

    await timers.tickAsync(30_000);
    assert.equal(await roster.isApprover(alex), true);
    assert.equal(group.singleChecks, 2, 'a successful refresh brings the answers back to memory');
  });

  it('when the first read fails, checks ask the directory until a read succeeds', async () => {
    group.failing = true;
    roster.start();
    await timers.tickAsync(0);
    group.failing = false;
    assert.equal(await roster.isApprover(alex), true);
    assert.equal(group.singleChecks, 1);
    await timers.tickAsync(30_000);
    assert.equal(await roster.isApprover(alex), true);
    assert.equal(group.singleChecks, 1);
  });

  it('stop() ends the background reads', async () => {
    roster.start();
    await timers.tickAsync(0);
    roster.stop();
    await timers.tickAsync(120_000);
    assert.equal(group.rosterReads, 1);
  });
});
