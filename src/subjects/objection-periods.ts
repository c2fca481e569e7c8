import { Injectable } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service';
import { supervisionPolicy, SupervisionPolicyDocument } from '../evaluation/supervision-policy';
import { PoliciesService } from '../policies/policies.service';

export interface ObjectionPeriods {
  servedOn: string;
  /** The last day to object: `objectionDays` working days after the day of service. */
  objectionDue: string;
  late: boolean;
  /** Why it is late, with the rule and its source, for the file and the reply; null when in time. */
  lateBasis: string | null;
  acceptDue: string;
  answerDue: string;
}

/**
 * The periods of an objection received on paper or at the counter (issue #19 review), as the portal's and the case's:
 * - the objection period runs from the day after the applicant was served (brief §7; 民法典 art. 201) for the policy's
 *   `objectionDays` working days (default 5, brief §3 step 3) to the day the bureau received it — not the day typed in;
 * - the review runs from that day of receipt: acceptance within `objectionHandling.acceptWorkingDays` and the answer
 *   within `answerWorkingDays` (Guangzhou practice 2 and 10, brief §5), the same figures as a portal objection's.
 * Every date is computed on the working-day calendar (调休 included), never in a workflow.
 */
@Injectable()
export class ObjectionPeriodsService {
  constructor(
    private readonly calendar: CalendarService,
    private readonly policies: PoliciesService,
  ) {}

  async of(servedOn: string, receivedOn: string): Promise<ObjectionPeriods> {
    const { version, document } = await this.policies.active();
    const h = supervisionPolicy(document as SupervisionPolicyDocument).objectionHandling;
    const [objectionDue, acceptDue, answerDue] = await Promise.all([
      this.calendar.addWorkingDays(servedOn, document.objectionDays),
      this.calendar.addWorkingDays(receivedOn, h.acceptWorkingDays),
      this.calendar.addWorkingDays(receivedOn, h.answerWorkingDays),
    ]);
    const late = receivedOn > objectionDue;
    const lateBasis = late
      ? `逾期提出：异议期为送达之日起${document.objectionDays}个工作日（监管政策第${version}版“异议期”），自送达次日起算（《民法典》第二百零一条）；`
        + `${servedOn}送达，${objectionDue}届满，${receivedOn}收到，超过${await this.calendar.workingDaysBetween(objectionDue, receivedOn)}个工作日`
      : null;
    return { servedOn, objectionDue, late, lateBasis, acceptDue, answerDue };
  }
}
