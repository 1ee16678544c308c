import type { MessageKey, MessageParams } from '../../i18n/message-catalogue';
import type { CheckResult, DoctorMessage } from './doctor-result';

export interface ReportStyle {
  /** ANSI colours (a terminal without NO_COLOR); plain text otherwise. */
  readonly color: boolean;
}

type Translate = (key: MessageKey, params?: MessageParams) => string;

const green = (text: string): string => `\u001b[32m${text}\u001b[39m`;
const red = (text: string): string => `\u001b[31m${text}\u001b[39m`;

/**
 * The doctor's output: one line per check ("✔ Title: what was found" or "✘ Title: what is wrong"),
 * each red line followed by its details and "Fix: ..." indented, then a summary line.
 */
export function renderDoctorReport(intro: DoctorMessage, results: readonly CheckResult[], t: Translate, style: ReportStyle): string {
  const say = (m: DoctorMessage): string => t(m.key, m.params);
  const lines = [say(intro)];
  for (const result of results) {
    const line = `${say(result.title)}: ${say(result.summary)}`;
    if (result.passed) {
      lines.push(`${style.color ? green('✔') : '✔'} ${line}`);
      continue;
    }
    lines.push(`${style.color ? red('✘') : '✘'} ${line}`);
    for (const detail of result.details ?? []) lines.push(`    - ${detail}`);
    lines.push(`    ${t('doctor.fixLabel', { fix: say(result.fix) })}`);
  }
  const failures = results.filter((result) => !result.passed).length;
  lines.push(
    failures === 0
      ? t('doctor.summary.passed', { count: results.length })
      : t('doctor.summary.failed', { failed: failures, count: results.length }),
  );
  return `${lines.join('\n')}\n`;
}

/** The process exit code: 0 when every check is green. */
export function doctorExitCode(results: readonly CheckResult[]): number {
  return results.every((result) => result.passed) ? 0 : 1;
}
