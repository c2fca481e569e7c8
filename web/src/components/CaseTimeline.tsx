import { Timeline, Typography } from 'antd';
import type { CaseEvent } from '../api/types';
import { formatDateTime } from '../lib/dates';
import { DEADLINE_KIND_LABELS, EVENT_LABELS, ROLE_LABELS, severityLabel, stageLabel, taskKindLabel } from '../lib/labels';

const PAYLOAD_LABELS: Record<string, string> = {
  severity: '失信程度', measures: '措施', objectionDue: '异议截止', dueDate: '期限', decision: '结论', scheduledAt: '约谈时间',
  place: '地点', attendees: '人员', rectificationDue: '整改期限', departments: '通知部门', routes: '修复途径', kind: '事项',
};

function show(k: string, v: unknown): string {
  if (k === 'severity') return severityLabel(String(v));
  if (k === 'kind') return DEADLINE_KIND_LABELS[String(v)] ?? (v === 'reminder' ? '提示性约谈' : v === 'warning' ? '警示性约谈' : taskKindLabel(String(v)));
  return Array.isArray(v) ? v.join('、') : String(v);
}

/**
 * The server names every event it emits (`typeLabel` on the case view's history); an answer without it is named from
 * the same table (workflows/labels.ts EVENT_LABELS), and a type neither knows reads 事件 — never its raw code.
 */
function eventTitle(e: CaseEvent): string {
  const { typeLabel } = e as CaseEvent & { typeLabel?: string | null };
  return typeLabel || (EVENT_LABELS as Record<string, string>)[e.type] || '事件';
}

/** A move between two named stages; the first event has no stage before it, so it shows none rather than “— →”. */
function moveText(e: CaseEvent): string | null {
  if (!e.to || e.from === e.to) return null;
  return e.from ? `（${stageLabel(e.from)} → ${stageLabel(e.to)}）` : null;
}

function payloadText(p: Record<string, unknown> | null): string {
  if (!p) return '';
  return Object.entries(p)
    .filter(([k, v]) => PAYLOAD_LABELS[k] && v !== null && v !== undefined && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => `${PAYLOAD_LABELS[k]}：${show(k, v)}`)
    .join('；');
}

/** Every event of the case, oldest first: who (role), when, what moved, why. */
export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  return (
    <Timeline
      items={events.map((e, i) => ({
        color: e.type.includes('RETURN') || e.type.includes('FAIL') || e.type.includes('OVERDUE') ? 'red' : e.to ? 'blue' : 'gray',
        children: (
          <div data-testid="timeline-event">
            <Typography.Text strong>{eventTitle(e)}</Typography.Text>
            {moveText(e) && <Typography.Text type="secondary">{moveText(e)}</Typography.Text>}
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>
              {formatDateTime(e.occurredAt)}
              {e.actorRole && ` · ${ROLE_LABELS[e.actorRole as keyof typeof ROLE_LABELS] ?? (e.actorRole === 'system' ? '系统' : e.actorRole)}`}
            </div>
            {/* completing a task and the stage move it causes carry the same reason: say it once */}
            {e.reason && e.reason !== events[i - 1]?.reason && <div>理由：{e.reason}</div>}
            {payloadText(e.payload) && <div style={{ fontSize: 13 }}>{payloadText(e.payload)}</div>}
          </div>
        ),
      }))}
    />
  );
}
