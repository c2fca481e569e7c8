import { Typography } from 'antd';
import type { ReactElement } from 'react';
import type { PersonalDataSpan } from '../pages/publicity/types';

const KIND_LABELS: Record<PersonalDataSpan['kind'], string> = {
  id_number: '身份证号码', mobile: '手机号码', bank_card: '银行卡号', person_name: '自然人姓名',
};

/**
 * A public text with the words the guard found marked, so the clerk sees what to delete or reword. Offsets are the
 * API's (UTF-16 code units, end exclusive), the same as JavaScript string indexes.
 */
export function MarkedText({ text, spans }: { text: string; spans: PersonalDataSpan[] }) {
  const parts: ReactElement[] = [];
  let at = 0;
  for (const [i, s] of [...spans].sort((a, b) => a.start - b.start).entries()) {
    if (s.start < at || s.end > text.length) continue;
    parts.push(<span key={`t${i}`}>{text.slice(at, s.start)}</span>);
    parts.push(<mark key={`m${i}`} title={KIND_LABELS[s.kind]} data-kind={s.kind} className="personal-data">{text.slice(s.start, s.end)}</mark>);
    at = s.end;
  }
  parts.push(<span key="rest">{text.slice(at)}</span>);
  return <Typography.Text>{parts}</Typography.Text>;
}

export const personalDataLabel = (kind: PersonalDataSpan['kind']) => KIND_LABELS[kind];
