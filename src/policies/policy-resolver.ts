import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { beijingToday } from '../common/time/beijing';
import { PoliciesService } from './policies.service';
import type { PolicyDocument } from './policy.types';
import type { Severity } from '../../workflows/contracts';

export interface DatedVersion {
  version: number;
  effectiveFrom: string;
  document: PolicyDocument;
}

export interface Resolved extends DatedVersion {
  /** Why this version applies, in Chinese, for the case file. */
  reason: string;
}

/** The version in force on `day`: the newest that had taken effect by then (the oldest if none had). */
export function inForceOn(versions: DatedVersion[], day: string): DatedVersion {
  if (!versions.length) throw new Error('no policy version');
  const started = versions.filter((v) => v.effectiveFrom <= day);
  const pool = started.length ? started : [versions.reduce((a, b) => (a.version < b.version ? a : b))];
  return pool.reduce((a, b) => (b.version > a.version ? b : a));
}

/**
 * Whether `newer` is lighter than `older` for an institution (行政处罚法 art. 37: 从旧兼从轻): for the case's class
 * (every class when unknown) no publicity period is longer and at least one is shorter. A rule that is shorter in
 * one respect and longer in another is not lighter: the old rule stays.
 */
export function isLighter(newer: PolicyDocument, older: PolicyDocument, severity?: Severity | null): boolean {
  const classes: Severity[] = severity ? [severity] : ['minor', 'general', 'serious'];
  let shorter = false;
  for (const c of classes) {
    const [n, o] = [newer.publicity[c], older.publicity[c]];
    if (n.maxMonths > o.maxMonths || n.minMonths > o.minMonths) return false;
    if (n.maxMonths < o.maxMonths || n.minMonths < o.minMonths) shorter = true;
  }
  return shorter;
}

/**
 * 行政处罚法 art. 37 (从旧兼从轻): the rules in force when the behaviour occurred, unless the rules in force today
 * are lighter for the institution.
 */
export function forBehaviour(versions: DatedVersion[], occurredOn: string, today: string, severity?: Severity | null): Resolved {
  const then = inForceOn(versions, occurredOn);
  const now = inForceOn(versions, today);
  if (now.version !== then.version && isLighter(now.document, then.document, severity)) {
    return { ...now, reason: `行为发生时适用第 ${then.version} 版；现行第 ${now.version} 版对当事人更轻，依《行政处罚法》第三十七条从轻适用` };
  }
  return { ...then, reason: `适用行为发生时（${occurredOn}）施行的第 ${then.version} 版（《行政处罚法》第三十七条）` };
}

/** Procedural periods follow the version in force when the step starts. */
export function forStep(versions: DatedVersion[], today: string): Resolved {
  const v = inForceOn(versions, today);
  return { ...v, reason: `程序期限按环节开始时（${today}）施行的第 ${v.version} 版计算` };
}

/**
 * The versions with their effective dates, read for the resolution. Cases pin what this returns (their workflow
 * keeps the version); the lead wires `forBehaviour` into the determination and `forStep` into each step's activity.
 */
@Injectable()
export class PolicyResolver {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly policies: PoliciesService,
  ) {}

  async forBehaviour(occurredOn: string, today = beijingToday(), severity?: Severity | null): Promise<Resolved> {
    return forBehaviour(await this.versions(), occurredOn, today, severity);
  }

  /** Today's version is the active one (a scheduled version once its day has come), as every other reader sees it. */
  async forStep(today = beijingToday()): Promise<Resolved> {
    const versions = await this.versions();
    if (today === beijingToday()) {
      const active = await this.policies.active();
      const v = versions.find((x) => x.version === active.version)!;
      return { ...v, reason: `程序期限按环节开始时（${today}）施行的第 ${v.version} 版计算` };
    }
    return forStep(versions, today);
  }

  private versions(): Promise<DatedVersion[]> {
    return this.ds.query(`SELECT version, effective_from::text AS "effectiveFrom", document FROM policies ORDER BY version`);
  }
}
