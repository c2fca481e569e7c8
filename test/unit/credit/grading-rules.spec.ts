import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GRADE_RULE_CODES, GRADE_RULES, RuleHit, worse } from '../../../src/evaluation/grading-rules';
import { gradeWithoutRecords } from '../../../src/evaluation/supervision-policy';
import { DEFAULT_POLICY } from '../../../src/policies/policy.types';

/** The rows of §4 of the written rule: (code, ceiling). */
function documentedRules(): [string, string][] {
  const doc = readFileSync(join(__dirname, '../../../docs/credit-grading.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## 4.'), doc.indexOf('## 5.'));
  return [...section.matchAll(/^\| `([A-Z_]+)` \| ([A-E]) \|/gm)].map((m) => [m[1], m[2]]);
}

describe('the written grading rule', () => {
  it('lists exactly the rules the code applies, with the same ceilings, in the same order', () => {
    expect(documentedRules()).toEqual(GRADE_RULE_CODES.map((code) => [code, GRADE_RULES[code].ceiling]));
  });

  it('explains a ban with the person’s name masked', () => {
    const hit: RuleHit = { rule: 'INDUSTRY_BAN', ref: 'b1', label: '陈明远', onDate: '2029-09-02' };
    expect(GRADE_RULES.INDUSTRY_BAN.because([hit])).toBe('陈** 处于行业禁入期（至 2029-09-02），评为 E');
  });

  it('grades an institution never evaluated B under the default bands, and takes the worse of two grades', () => {
    expect(gradeWithoutRecords({ evaluation: { base: 1000 } as never, grades: DEFAULT_POLICY.grades })).toBe('B');
    // a policy whose full marks fall below B keeps its own band
    expect(gradeWithoutRecords({ evaluation: { base: 850 } as never, grades: DEFAULT_POLICY.grades })).toBe('C');
    expect([worse('A', 'D'), worse('E', 'B'), worse('C', 'C')]).toEqual(['D', 'E', 'C']);
  });
});
