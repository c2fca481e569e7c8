import { Typography } from 'antd';
import { Fragment } from 'react';
import { stageLabel } from '../lib/labels';

/** The lifecycle of brief §3; optional stages are drawn dashed until a case passes through them. */
const PATH: { stage: string; optional?: boolean }[] = [
  { stage: 'REGISTERED' },
  { stage: 'INVESTIGATION' },
  { stage: 'APPROVAL' },
  { stage: 'OBJECTION_WINDOW' },
  { stage: 'OBJECTION_REVIEW', optional: true },
  { stage: 'JOINT_SANCTION', optional: true },
  { stage: 'RECTIFICATION' },
  { stage: 'RECTIFICATION_REVIEW' },
  { stage: 'REMINDER_INTERVIEW', optional: true },
  { stage: 'WARNING_INTERVIEW', optional: true },
  { stage: 'PUBLICITY' },
  { stage: 'REPAIR_REVIEW', optional: true },
  { stage: 'CLOSED' },
];

/** The server's text starts with its own 待办： (workflows/labels.ts waitingForText); after 当前等待： it would read twice. */
const withoutPrefix = (text: string) => text.replace(/^待办[：:]\s*/, '');

export function LifecycleDiagram({ stage, visited, waitingFor, forWhom }: { stage: string; visited: string[]; waitingFor?: string; forWhom?: string }) {
  const seen = new Set(visited);
  const currentIndex = PATH.findIndex((p) => p.stage === stage);
  return (
    <div>
      <div className="lifecycle" role="list" aria-label="案件流程">
        {PATH.map((p, i) => {
          const state =
            p.stage === stage ? 'current' : seen.has(p.stage) ? 'done' : currentIndex >= 0 && i < currentIndex && p.optional ? 'skipped' : '';
          return (
            <Fragment key={p.stage}>
              {i > 0 && <span className="lifecycle-arrow">→</span>}
              <span
                role="listitem"
                aria-current={state === 'current' ? 'step' : undefined}
                className={`lifecycle-node ${state}`}
                style={p.optional && !seen.has(p.stage) && state !== 'current' ? { borderStyle: 'dashed' } : undefined}
                title={p.optional ? '视情况进入' : undefined}
              >
                {stageLabel(p.stage)}
              </span>
            </Fragment>
          );
        })}
        {stage === 'WITHDRAWN' && <span className="lifecycle-node current">已撤销</span>}
      </div>
      {waitingFor && (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          当前等待：<Typography.Text strong data-testid="waiting-for">{withoutPrefix(waitingFor)}</Typography.Text>
          {forWhom && <Typography.Text type="secondary" data-testid="waiting-for-whom">（办理：{forWhom}）</Typography.Text>}
        </Typography.Paragraph>
      )}
    </div>
  );
}
