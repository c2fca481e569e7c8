import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarService } from '../src/calendar/calendar.service';
import { beijingClock, type CaseClock } from './case-clock';

export interface PenaltyActivityDeps {
  ds: DataSource;
  calendar: CalendarService;
  /** Beijing dates of instants; tests map the time-skipping server's time onto a chosen date. */
  clock?: CaseClock;
}

/**
 * Activities of the penalty procedure (workflows/penalty-procedure.workflow.ts): the dates the law counts, computed
 * with the working-day calendar and written to the proposal. Each is idempotent: a retry computes and writes the same.
 */
export function createPenaltyActivities({ ds, calendar, clock = beijingClock }: PenaltyActivityDeps) {
  return {
    /**
     * Statement, defence and the request for a hearing: within 5 working days of the 事先告知书's service, counted
     * from the day after service (行政处罚法 2021 art. 64(1); art. 85: "5 days" in this law are working days).
     */
    async openStatementPeriod(proposalId: string, nowMs: number): Promise<{ statementDue: string; closesInMs: number }> {
      const [p] = await ds.query(`SELECT notice_served_on::text AS served FROM ban_proposals WHERE id = $1`, [proposalId]);
      const statementDue = await calendar.addWorkingDays(p.served, 5);
      await ds.query(`UPDATE ban_proposals SET statement_due = $2 WHERE id = $1`, [proposalId, statementDue]);
      // the period ends at the midnight that ends its last day (Beijing); nowMs is the workflow's time
      return { statementDue, closesInMs: Math.max(0, clock.at(statementDue, '24:00') - nowMs) };
    },

    /** No hearing asked within the period: the case goes to legal review (art. 58) as it stands. */
    async closeStatementPeriod(proposalId: string): Promise<void> {
      await ds.query(`UPDATE ban_proposals SET status = 'legal_review' WHERE id = $1 AND status = 'noticed'`, [proposalId]);
    },

    /** A decision not handed over at once is served within 7 working days of the decision (art. 61, 85). */
    async openServicePeriod(proposalId: string): Promise<{ serveBy: string }> {
      const [p] = await ds.query(`SELECT decision_date::text AS decided FROM ban_proposals WHERE id = $1`, [proposalId]);
      const serveBy = await calendar.addWorkingDays(p.decided, 7);
      await ds.query(`UPDATE ban_proposals SET serve_by = $2 WHERE id = $1`, [proposalId, serveBy]);
      return { serveBy };
    },
  };
}

export type PenaltyActivities = ReturnType<typeof createPenaltyActivities>;

/** The penalty activities, built from the worker's Nest context (registered beside the case activities). */
export const penaltyActivitiesFrom = (ctx: INestApplicationContext, clock?: CaseClock) =>
  createPenaltyActivities({ ds: ctx.get(DataSource), calendar: ctx.get(CalendarService), clock });
