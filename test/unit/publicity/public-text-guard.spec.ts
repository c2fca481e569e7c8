import { assertNoPersonalData, checkPublicText, findPersonalData, redactDeep, redactPersonalData } from '../../../src/publicity/public-text-guard';

const ID = '320706198503124417'; // GB 11643 check digit 7
const kinds = (text: string, names: string[] = []) => findPersonalData(text, names).map((s) => s.kind);

describe('the public-text guard', () => {
  it('finds an ID number with a valid check digit and says where it is', () => {
    const text = `当事人身份证号${ID}。`;
    expect(findPersonalData(text)).toEqual([{ kind: 'id_number', start: 7, end: 25, masked: '3207**********4417' }]);
    expect(text.slice(7, 25)).toBe(ID);
  });

  it('finds ID numbers written with a lower-case x, full-width digits or spaces', () => {
    expect(kinds('证件号码11010519491231002x')).toEqual(['id_number']);
    expect(kinds('证件号码３２０７０６１９８５０３１２４４１７')).toEqual(['id_number']);
    expect(kinds('证件号码 320706 19850312 4417')).toEqual(['id_number']);
  });

  it('leaves an 18-digit number with a wrong check digit alone as an ID number', () => {
    expect(kinds('编号320706198503124418')).not.toContain('id_number');
  });

  it.each(['13812345678', '+86 138-1234-5678', '138 1234 5678', '8613812345678'])('finds the mobile number %s', (mobile) => {
    expect(kinds(`联系电话：${mobile}，`)).toEqual(['mobile']);
  });

  it('does not take other numbers for mobile numbers', () => {
    expect(kinds('罚款12345678901元；文号2026000123')).toEqual([]);
  });

  it('finds bank-card-like numbers that pass the Luhn check, grouped or not', () => {
    expect(kinds('退费至6222021234567890128')).toEqual(['bank_card']);
    expect(kinds('卡号 4111 1111 1111 1111')).toEqual(['bank_card']);
    expect(kinds('卡号 4111111111111112')).toEqual([]); // fails Luhn
    expect(kinds('处罚机关代码113207060141860828')).toEqual([]); // a USCC of digits only is not a card
  });

  it('finds the names of the persons the record names, and only those', () => {
    const text = '法定代表人陈明远组织招生，陈明远另有责任';
    expect(findPersonalData(text, ['陈明远'])).toEqual([
      { kind: 'person_name', start: 5, end: 8, masked: '陈**' },
      { kind: 'person_name', start: 13, end: 16, masked: '陈**' },
    ]);
    expect(findPersonalData(text, ['王小二', '陈'])).toEqual([]); // a one-character "name" would match everywhere
  });

  it('answers 400 PERSONAL_DATA_IN_PUBLIC_TEXT with every field and its spans', () => {
    let error: unknown;
    try {
      assertNoPersonalData({ facts: `法定代表人陈明远（${ID}）超范围培训`, basis: '《校外培训行政处罚暂行办法》第十八条', content: '联系13812345678' }, ['陈明远']);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'PERSONAL_DATA_IN_PUBLIC_TEXT', status: 400,
      details: { fields: [
        { field: 'facts', message: expect.stringContaining('自然人姓名、身份证号码'), spans: [expect.objectContaining({ kind: 'person_name', start: 5 }), expect.objectContaining({ kind: 'id_number', start: 9, end: 27 })] },
        { field: 'content', spans: [expect.objectContaining({ kind: 'mobile', start: 2, end: 13 })] },
      ] },
    });
    expect(JSON.stringify(error)).not.toContain(ID);
    expect(checkPublicText({ facts: '超出办学许可范围开展学科类培训' }, ['陈明远'])).toEqual([]);
  });

  it('masks what it finds when it is the last line of defence', () => {
    expect(redactPersonalData(`陈明远，${ID}，13812345678`, ['陈明远'])).toBe('陈**，3207**********4417，138****5678');
    expect(redactDeep({ a: [`电话13812345678`], [ID]: 1 })).toEqual({ a: ['电话138****5678'], '3207**********4417': 1 });
  });
});
