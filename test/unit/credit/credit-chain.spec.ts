import { canonicalJson, ChainedContent, chainHash, ChainRow, contentOf, GENESIS_HASH, verifyRows } from '../../../src/credit-file/credit-chain';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content: ChainedContent = {
      id: `00000000-0000-4000-8000-00000000000${seq}`, uscc: '52320700MJ58463813', seq, kind: 'penalty', title: `处罚 ${seq}`,
      decisionDate: '2026-03-02', severity: 'general', publicityFrom: '2026-03-03', publicityUntil: '2027-03-02',
      payload: { b: 1, a: { y: [1, 2], x: '文' } }, sourceRef: `ref-${seq}`, refersTo: null, caseNo: null, officeCode: 'XWPX',
      createdBy: null, createdAt: '2026-03-03T01:02:03.456Z',
    };
    const hash = chainHash(prev, content);
    rows.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('credit chain', () => {
  it('serialises objects with sorted keys at every level, so jsonb key order cannot change a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, u: undefined })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('accepts an intact chain and its head', () => {
    const rows = chain(3);
    expect(verifyRows(rows, { seq: 3, hash: rows[2].hash })).toEqual({ ok: true, checked: 3 });
    expect(verifyRows([], null)).toEqual({ ok: true, checked: 0 });
  });

  it('names an edited record as the first broken link', () => {
    const rows = chain(3);
    rows[1] = { ...rows[1], title: '处罚（被篡改）' };
    expect(verifyRows(rows, { seq: 3, hash: rows[2].hash })).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  it('names the gap a deleted record leaves, even if the attacker rehashed the record itself', () => {
    const rows = chain(4);
    expect(verifyRows([rows[0], rows[2], rows[3]], { seq: 4, hash: rows[3].hash })).toMatchObject({ ok: false, firstBrokenSeq: 2 });
    const forged = { ...rows[1], payload: { fine: 0 } };
    forged.hash = chainHash(forged.prevHash, contentOf(forged));
    expect(verifyRows([rows[0], forged, rows[2], rows[3]], { seq: 4, hash: rows[3].hash })).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('detects the removal of the newest record through the chain head', () => {
    const rows = chain(3);
    expect(verifyRows(rows.slice(0, 2), { seq: 3, hash: rows[2].hash })).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });
});
