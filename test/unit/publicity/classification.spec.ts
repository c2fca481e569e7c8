import { classifyPenalty, DEFAULT_CLASSIFICATION, PenaltyFacts, settleClass } from '../../../src/publicity/classification';

const t = DEFAULT_CLASSIFICATION; // fines: ≤ 3,000 yuan minor, ≥ 100,000 serious; confiscation ≥ 100,000 serious
const general = (categories: string[], extra: Partial<PenaltyFacts> = {}) => classifyPenalty({ procedure: 'general', categories, ...extra }, t);

describe(classifyPenalty.name, () => {
  it('classes any simplified-procedure penalty as minor', () => {
    expect(classifyPenalty({ procedure: 'simple', categories: ['警告'] }, t))
      .toEqual({ class: 'minor', reasons: [expect.stringContaining('简易程序')] });
    expect(classifyPenalty({ procedure: 'simple', categories: ['罚款'], fineAmount: 0.3 }, t).class).toBe('minor');
  });

  it('refuses a simplified procedure for a penalty that only the general procedure can impose', () => {
    expect(() => classifyPenalty({ procedure: 'simple', categories: ['警告', '吊销许可证件'] }, t))
      .toThrow(expect.objectContaining({ code: 'PROCEDURE_INCONSISTENT', details: { fields: [expect.objectContaining({ field: 'procedure' })] } }));
    // 通报批评 is not among the penalties art. 51 allows on the spot
    expect(() => classifyPenalty({ procedure: 'simple', categories: ['通报批评'] }, t))
      .toThrow(expect.objectContaining({ code: 'PROCEDURE_INCONSISTENT', message: expect.stringContaining('通报批评') }));
    // 行政处罚法 art. 51: at most 3,000 yuan for an organisation, 200 for a person
    expect(() => classifyPenalty({ procedure: 'simple', categories: ['罚款'], fineAmount: 0.300001 }, t))
      .toThrow(expect.objectContaining({ code: 'PROCEDURE_INCONSISTENT' }));
    expect(() => classifyPenalty({ procedure: 'simple', categories: ['罚款'], fineAmount: 0.03, naturalPerson: true }, t))
      .toThrow(expect.objectContaining({ code: 'PROCEDURE_INCONSISTENT' }));
  });

  it.each([['警告'], ['通报批评']])('classes %s as minor', (category) => {
    expect(general([category])).toEqual({ class: 'minor', reasons: [`${category}：轻微`] });
  });

  it('classes a fine up to 3,000 yuan as minor, above it as general, from 100,000 yuan as serious', () => {
    expect(general(['罚款'], { fineAmount: 0.3 })).toEqual({ class: 'minor', reasons: ['罚款 3,000 元，不超过 3,000 元：轻微'] });
    expect(general(['罚款'], { fineAmount: 0.300001 }).class).toBe('general'); // 3,000.01 yuan
    expect(general(['罚款'], { fineAmount: 9.999999 }).class).toBe('general'); // 99,999.99 yuan
    expect(general(['罚款'], { fineAmount: 10 })).toEqual({ class: 'serious', reasons: ['罚款 100,000 元，达到 100,000 元：严重'] });
  });

  it('classes confiscation as general, and confiscated income from 100,000 yuan as serious', () => {
    expect(general(['没收违法所得'], { confiscatedAmount: 2 }).class).toBe('general');
    expect(general(['没收非法财物'])).toEqual({ class: 'general', reasons: ['没收非法财物：一般'] });
    expect(general(['没收违法所得'], { confiscatedAmount: 12 }).class).toBe('serious');
  });

  it('classes an order to stop enrolling as general', () => {
    expect(general(['责令停止招收学员']).class).toBe('general');
  });

  it.each([['吊销许可证件'], ['责令停止举办'], ['限制从业']])('classes %s as serious', (category) => {
    expect(general([category])).toEqual({ class: 'serious', reasons: [`${category}：严重`] });
  });

  it('takes the highest class of all the penalties imposed, with a reason for each', () => {
    expect(general(['警告', '罚款'], { fineAmount: 0.5 }))
      .toEqual({ class: 'general', reasons: ['警告：轻微', '罚款 5,000 元，超过 3,000 元：一般'] });
  });

  it('reads its thresholds from the policy', () => {
    const strict = { ...t, minorFineMaxYuan: 1_000 };
    expect(classifyPenalty({ procedure: 'general', categories: ['罚款'], fineAmount: 0.2 }, strict).class).toBe('general');
  });
});

describe(settleClass.name, () => {
  const minor = { class: 'minor' as const, reasons: ['警告：轻微'] };

  it('keeps the rule’s class when the officer does not raise it', () => {
    expect(settleClass(minor)).toEqual({ class: 'minor', ruleClass: 'minor', raised: false, reasons: ['警告：轻微'] });
    expect(settleClass(minor, { to: 'minor' }).raised).toBe(false);
  });

  it('lets the officer raise the class and records why', () => {
    expect(settleClass(minor, { to: 'general', reason: '一年内第三次违规' })).toEqual({
      class: 'general', ruleClass: 'minor', raised: true, reasons: ['警告：轻微', '经办人提高为一般：一年内第三次违规'],
    });
  });

  it('refuses a raise without a reason', () => {
    expect(() => settleClass(minor, { to: 'serious', reason: ' ' }))
      .toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'raiseReason' })] } }));
  });

  it('refuses to lower the class below the rule', () => {
    expect(() => settleClass({ class: 'serious', reasons: ['吊销许可证件：严重'] }, { to: 'general', reason: '情节较轻' }))
      .toThrow(expect.objectContaining({ code: 'CLASS_BELOW_RULE', status: 400 }));
  });
});
