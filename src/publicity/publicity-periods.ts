import { addMonths, nextDay } from '../calendar/iso-date';
import type { PublicityWindow } from '../policies/policy.types';
import type { Severity } from '../../workflows/contracts';

export interface PublicityPeriods {
  /** False for a 轻微 record nobody found it necessary to publish: recorded and shared, never public. */
  publish: boolean;
  /** Last day in publication: the class's maximum (null when not published). */
  publicityUntil: string | null;
  /** First day the institution may apply for repair: the day after the class's minimum ends. */
  repairableFrom: string;
}

/**
 * A record's periods from its decision date, per 国家发展改革委令第36号: publication lasts the class's maximum and
 * repair opens the day after its minimum; months counted per 民法典 art. 201–202 (addMonths), never moved off a
 * holiday. 轻微 is in principle not published: only when the officer recorded why it is necessary, and then at most
 * the minor maximum (3 months). The case workflow's determination uses the same function.
 */
export function publicityPeriods(
  severity: Severity, decisionDate: string, windows: Record<Severity, PublicityWindow>, opts: { minorPublicationReason?: string | null } = {},
): PublicityPeriods {
  const w = windows[severity];
  const repairableFrom = nextDay(addMonths(decisionDate, w.minMonths));
  const publish = severity !== 'minor' || (!!opts.minorPublicationReason?.trim() && w.maxMonths > 0);
  return { publish, publicityUntil: publish ? addMonths(decisionDate, w.maxMonths) : null, repairableFrom };
}
