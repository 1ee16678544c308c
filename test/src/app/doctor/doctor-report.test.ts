import { strict as assert } from 'node:assert';
import { configurationResult } from '../../../../src/app/doctor/doctor-checks';
import { doctorExitCode, renderDoctorReport } from '../../../../src/app/doctor/doctor-report';
import { type CheckResult, message } from '../../../../src/app/doctor/doctor-result';
import { MessageCatalogue, projectLocalesDir } from '../../../../src/i18n/message-catalogue';

const t = MessageCatalogue.load(projectLocalesDir()).plainTranslator('en');

const green: CheckResult = configurationResult([]);
const red: CheckResult = {
  title: message('doctor.approvals.title'),
  passed: false,
  summary: message('doctor.approvals.missing'),
  fix: message('doctor.fix.approvalsHere'),
};

describe('the doctor report', () => {
  it('on a terminal, colours the marks: green ✔ and red ✘, and nothing else', () => {
    const text = renderDoctorReport(message('doctor.intro.unconfigured'), [green, red], t, { color: true });
    const lines = text.split('\n');
    assert.equal(lines[1], '\u001b[32m✔\u001b[39m Configuration: valid');
    assert.equal(lines[2], '\u001b[31m✘\u001b[39m Approvals conversation: none is registered, so approval cards have nowhere to go');
    assert.ok(lines[3]?.startsWith('    Fix: an approver types'));
  });

  it('without colours (not a terminal, or NO_COLOR) the same lines are plain text', () => {
    const text = renderDoctorReport(message('doctor.intro.unconfigured'), [green, red], t, { color: false });
    assert.ok(!text.includes('\u001b['));
    assert.deepEqual(text.split('\n').slice(1, 3), ['✔ Configuration: valid', '✘ Approvals conversation: none is registered, so approval cards have nowhere to go']);
  });

  it('exit code 0 only when every check is green', () => {
    assert.equal(doctorExitCode([green, green]), 0);
    assert.equal(doctorExitCode([green, red]), 1);
  });
});
