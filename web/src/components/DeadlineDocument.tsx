import { formatDate } from '../lib/dates';

/**
 * The document that set an institution's deadline and the day it was served on it: the period runs from the next day
 * (brief §7), so the institution can check the date against the paper it holds. Nothing when no document set it.
 */
export function DeadlineDocument({ documentNo, documentTitle, servedOn }: { documentNo: string | null; documentTitle: string | null; servedOn: string | null }) {
  if (!documentNo) return null;
  return (
    <span data-testid="deadline-document">
      {documentTitle ?? '文书'}（{documentNo}），{servedOn ? `${formatDate(servedOn)}送达` : '尚未送达'}
    </span>
  );
}
