import { condition } from '@temporalio/workflow';
import type { CaseRuntime } from '../case-runtime';
import type * as C from '../contracts';
import { acts, background, now, untilMs } from './proxies';
import { watch } from './timers';

/** An institution's answer (objection, rectification report, repair application) and when it came. */
export type Answer = C.InstitutionSubmission & { at: number };

/** The deadline the institution is answering now, with what the workflow needs to close it. */
export type OpenInstitutionDeadline = C.Deadline & { kind: C.InstitutionDeadlineKind; round: number; id: string };

/**
 * Gives the institution until the deadline to answer in the portal, reminding it before; returns its answer, or
 * null when the deadline passed with none on its row (then it is closed as missed, `DEADLINE_MISSED` recorded, and the
 * caller moves the case on).
 */
export async function institutionAnswer(
  c: CaseRuntime, kind: C.InstitutionDeadlineKind, round: number, span: { workingDays?: number; calendarDays?: number; fromMs?: number; fromDate?: string },
  setBy?: C.OpenInstitutionDeadlineInput['setBy'],
): Promise<Answer | null> {
  const { caseNo, uscc } = c.input;
  const due: C.DeadlineSpan = { fromMs: span.fromMs ?? now(), ...span, remindBeforeWorkingDays: c.policy.reminderBeforeDueDays };
  const key = `${kind}-${round}`;
  const { deadlineId, ...opened } = await c.carrying((writes) => acts.openInstitutionDeadlineDueIn({ caseNo, uscc, key, kind, round, span: due, setBy, writes }));
  let d: C.Deadline = opened;
  const follow = () => {
    c.institutionDeadline = { ...d, kind, round, id: deadlineId };
    c.attributes.track(key, d.dueAtMs);
    return watch(d, () => background.remindInstitution({ caseNo, uscc, deadlineId, kind, dueDate: d.dueDate }));
  };
  let timers = follow();
  c.answer = null;
  const early = c.earlyAnswers.get(deadlineId); // answered in the portal before the case heard the deadline was open
  c.earlyAnswers.delete(deadlineId);
  if (early) answerDeadline(c, early, early.atMs);
  c.rest();
  // a provisional date is computed again, from the same span, each time a calendar year is published (issue #21).
  // It never lapses before then: the true date may be later than the guess (the year's 调休 and longer holidays are
  // unknown), and treating the institution as late on a guess would shorten a period the law gives it. So a
  // provisional deadline waits without a timer; once published, the date is never earlier than the one it was told
  for (let seen = c.calendarPublications; ;) {
    const heard = () => c.answer !== null || (!!d.provisional && c.calendarPublications > seen);
    if (d.provisional) await condition(heard);
    else if (!(await condition(heard, untilMs(d.dueAtMs)))) break;
    if (c.answer !== null) break;
    seen = c.calendarPublications;
    const told = d.dueDate;
    const again = await c.step(() => acts.recomputeInstitutionDeadline({ caseNo, deadlineId, kind, span: due, notBefore: told, atMs: now() }));
    if (again.dueDate === d.dueDate && again.provisional === d.provisional) continue;
    timers.cancel();
    d = again;
    timers = follow();
    c.publish();
  }
  timers.cancel();
  c.attributes.track(key, null);
  c.institutionDeadline = null;
  // an answer the validator let in before the deadline counts, even if the deadline's timer fired in the same task
  return c.takeAnswer() ?? lapse(c, kind, deadlineId, d.dueDate);
}

/**
 * The deadline ended with no answer the case has heard of: its row decides (issue #20). The portal commits an answer
 * it accepted in time before the case is told of it, and the telling may come late (Temporal was down, the API
 * stopped): under the row's lock the step either finds it answered, and the case takes that answer as of when it was
 * given, or closes it as missed, and an answer after that finds it closed.
 */
async function lapse(c: CaseRuntime, kind: C.InstitutionDeadlineKind, deadlineId: string, dueDate: string): Promise<Answer | null> {
  const recorded = await c.carrying((writes) => acts.lapseInstitutionDeadline({ caseNo: c.input.caseNo, deadlineId, kind, dueDate, writes }));
  if (!recorded) return null;
  c.answeredDeadlines.add(deadlineId);
  c.earlyAnswers.delete(deadlineId); // a telling that came while the step ran
  const { atMs, ...answer } = recorded;
  return { ...answer, at: atMs };
}

/**
 * Takes the institution's answer to the open deadline: closed first, so a second answer racing this one is refused
 * by the update's validator (or, told by the portal, finds nothing open).
 */
export function answerDeadline(c: CaseRuntime, s: C.InstitutionSubmission, atMs: number): void {
  const d = c.institutionDeadline!;
  c.institutionDeadline = null;
  c.answeredDeadlines.add(d.id);
  c.writes.push({
    write: 'answered', key: `${c.input.caseNo}:answer:${d.id}`, kind: d.kind, round: d.round, deadlineId: d.id, actor: s.actor, text: s.text, fileIds: s.fileIds,
  });
  c.answer = { ...s, at: atMs };
}
