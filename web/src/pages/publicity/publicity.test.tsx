import { render, screen } from '@testing-library/react';
import { Form } from 'antd';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MarkedText } from '../../components/MarkedText';
import { renderUi } from '../../test/render';
import { ClassificationPanel, previewBody } from './ClassificationPanel';
import { PENALTY_FIELDS } from './fields';
import type { PenaltyPreview } from './types';

afterEach(() => vi.unstubAllGlobals());

const MINOR: PenaltyPreview = {
  classification: { class: 'minor', classLabel: '轻微', ruleClass: 'minor', raised: false, reasons: ['简易程序（当场）作出的行政处罚：轻微（国家发展改革委令第36号）'] },
  publish: false, publicityUntil: null, repairableFrom: '2026-12-01', notice: '不予公示（轻微失信）：记录并报送市级平台，履行义务后可申请信用修复', findings: [],
};

function stubPreview(answer: PenaltyPreview) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(answer), { status: 200 }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function Harness({ values }: { values: Record<string, unknown> }) {
  const [form] = Form.useForm();
  return <Form form={form} initialValues={values}><Form.Item name="facts"><input /></Form.Item><ClassificationPanel refused={[]} /></Form>;
}

describe('the penalty form', () => {
  it('asks for the procedure and no longer for a publicity end date', () => {
    expect(PENALTY_FIELDS.find((f) => f.key === 'procedure')).toMatchObject({ required: true, options: [{ value: 'general' }, { value: 'simple' }] });
    expect(PENALTY_FIELDS.map((f) => f.key)).not.toContain('publicityUntil');
    expect(PENALTY_FIELDS.find((f) => f.key === 'penaltyCategory')?.choices).toContain('没收非法财物');
  });

  it('asks the API for a preview only once procedure, penalty and decision date are there', () => {
    expect(previewBody({ procedure: 'simple', penaltyCategory: ['警告'] })).toBeNull();
    expect(previewBody({ procedure: 'simple', penaltyCategory: ['警告'], decisionDate: dayjs('2026-11-30'), facts: '', publicText: { facts: ' ' } }))
      .toEqual({ procedure: 'simple', penaltyCategory: ['警告'], decisionDate: '2026-11-30' });
  });

  it('shows a simple-procedure warning as 不予公示（轻微失信） with the reason, before saving', async () => {
    const fetch = stubPreview(MINOR);
    renderUi(<Harness values={{ procedure: 'simple', penaltyCategory: ['警告'], decisionDate: dayjs('2026-11-30') }} />);
    expect(await screen.findByTestId('not-published')).toBeTruthy();
    expect(screen.getByTestId('not-published').textContent).toBe('不予公示（轻微失信）');
    expect(screen.getByText(MINOR.classification.reasons[0])).toBeTruthy();
    expect(screen.getByText(/^不予公示（轻微失信）：记录并报送/)).toBeTruthy();
    expect(screen.getByLabelText(/确有必要公示的理由/)).toBeTruthy();
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/publicity/penalties/preview');
    expect(JSON.parse(init?.body as string)).toMatchObject({ procedure: 'simple', penaltyCategory: ['警告'], decisionDate: '2026-11-30' });
  }, 20_000); // antd's first render is slow on a busy machine

  it('marks the personal data the guard found in the public text', async () => {
    const facts = '法定代表人陈明远，电话13812345678';
    stubPreview({ ...MINOR, classification: { ...MINOR.classification, class: 'general', classLabel: '一般' }, publish: true, notice: '公示至 2027-11-30（含当日），2027-03-01 起可申请信用修复',
      findings: [{ field: 'facts', message: '含有自然人姓名、手机号码', spans: [{ kind: 'person_name', start: 5, end: 8, masked: '陈**' }, { kind: 'mobile', start: 11, end: 22, masked: '138****5678' }] }] });
    renderUi(<Harness values={{ procedure: 'general', penaltyCategory: ['罚款'], fineAmount: 0.5, decisionDate: dayjs('2026-11-30'), facts }} />);
    const marks = await screen.findByTestId('marks-facts');
    expect([...marks.querySelectorAll('mark')].map((m) => [m.textContent, m.dataset.kind])).toEqual([['陈明远', 'person_name'], ['13812345678', 'mobile']]);
    expect(screen.getByText('公示至 2027-11-30（含当日），2027-03-01 起可申请信用修复')).toBeTruthy();
  }, 20_000);
});

describe('MarkedText', () => {
  it('marks each span and keeps the rest of the text', () => {
    const { container } = render(<MarkedText text="身份证320706198503124417。" spans={[{ kind: 'id_number', start: 3, end: 21, masked: '3207**********4417' }]} />);
    expect(container.textContent).toBe('身份证320706198503124417。');
    expect(container.querySelector('mark')?.textContent).toBe('320706198503124417');
    expect(container.querySelector('mark')?.getAttribute('title')).toBe('身份证号码');
  });
});
