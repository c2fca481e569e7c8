import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../api/types';
import { CaseTimeline } from './CaseTimeline';

const event = (e: Partial<CaseEvent> & { typeLabel?: string }): CaseEvent => ({
  type: 'REGISTERED', from: null, to: null, actorId: null, actorRole: 'system', reason: null, payload: {},
  occurredAt: '2026-03-02T01:00:00.000Z', ...e,
});

describe('CaseTimeline', () => {
  it('names each event with the label the server sends and stages with the server’s stage names', () => {
    render(<CaseTimeline events={[event({ type: 'INVESTIGATION_STARTED', typeLabel: '开始调查', from: 'REGISTERED', to: 'INVESTIGATION' })]} />);
    expect(screen.getByText('开始调查')).toBeTruthy();
    // workflows/labels.ts STAGE_LABELS, the words of the server's own waitingFor text
    expect(screen.getByText('（线索登记 → 调查）')).toBeTruthy();
  });

  it('never shows a raw event code, even for an event neither the API nor the shared labels name', () => {
    const { container } = render(<CaseTimeline events={[event({ type: 'SOMETHING_NEW' as CaseEvent['type'], from: 'PUBLICITY', to: 'CLOSED' })]} />);
    expect(screen.getByText('事件')).toBeTruthy();
    expect(container.textContent).not.toMatch(/[A-Z_]{6,}/);
  });
});
