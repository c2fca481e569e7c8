import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { beijingToday } from '../common/time/beijing';
import { PoliciesService } from './policies.service';
import { policyNotFound } from './policy.errors';
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
 * Whether `newer` is lighter than `older` for an institution (行政处罚法 art. 37: 从旧兼从轻). What a policy version
 * holds for a behaviour is the publicity window of the case's class (`publicity[severity]`): `minMonths`, before which
 * repair cannot be applied for, and `maxMonths`, the end of publication and of the record's credit measures. The class
 * itself is not the policy's: the catalogue item (its version pinned at registration) and the approver fix it; the
 * measures announced follow from the class and the officer's proposal (workflows/case-documents.ts `measuresOf`), and
 * the joint-sanction measures from the measures catalogue — none of them differs between policy versions. Procedural
 * periods are neither lighter nor heavier: they follow the version in force when the step starts (`forStep`).
 * So: lighter means, for the case's class (every class when unknown), no window bound is longer and at least one is
 * shorter. A rule that is shorter in one respect and longer in another is not lighter: the old rule stays.
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
 * 行政处罚法 art. 37 at the determination (issue #16): the case pinned at registration the version its behaviour is
 * judged by (already the lighter of the behaviour's day and the registration day's, CasesService.open); a version
 * published after that and in force on the decision day replaces it only if it is lighter for the case's class. A
 * version older than the pinned one is never "new" (it can only appear under a test's shifted clock): the pin stays.
 */
export function forDetermination(pinned: DatedVersion, inForce: DatedVersion, day: string, severity: Severity): Resolved {
  if (inForce.version > pinned.version && isLighter(inForce.document, pinned.document, severity)) {
    return { ...inForce, reason: `立案时适用第 ${pinned.version} 版；作出认定决定时（${day}）施行的第 ${inForce.version} 版对当事人更轻，依《行政处罚法》第三十七条从轻适用` };
  }
  const why = inForce.version > pinned.version ? `，${day} 施行的第 ${inForce.version} 版不比其轻` : '';
  return { ...pinned, reason: `适用立案时确定的第 ${pinned.version} 版${why}（《行政处罚法》第三十七条）` };
}

/**
 * The versions with their effective dates, read for the resolution. Cases pin what `forBehaviour` returns at
 * registration; the determination activity takes `forDetermination` (a lighter version published since applies).
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

  /** The version a determination on `day` applies for a case that pinned `pinnedVersion`, and why. */
  async forDetermination(pinnedVersion: number, day: string, severity: Severity): Promise<Resolved> {
    const pinned = (await this.versions()).find((v) => v.version === pinnedVersion);
    if (!pinned) throw policyNotFound(`监管政策第 ${pinnedVersion} 版不存在`);
    return forDetermination(pinned, await this.forStep(day), day, severity);
  }

  private versions(): Promise<DatedVersion[]> {
    return this.ds.query(`SELECT version, effective_from::text AS "effectiveFrom", document FROM policies ORDER BY version`);
  }
}
