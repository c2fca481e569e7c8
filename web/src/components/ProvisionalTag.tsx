import { Tag, Tooltip } from 'antd';

/**
 * A due date computed in a year whose holidays are not yet published (issue #21): statutory holidays only, without
 * 调休. It is recomputed once the year is published, and the institution is told if it moves.
 */
export function ProvisionalTag({ provisional }: { provisional?: boolean }) {
  if (!provisional) return null;
  return (
    <Tooltip title="该年度节假日安排尚未发布，暂按法定节假日计算；发布后自动重新计算，如有变动另行通知">
      <Tag color="gold" style={{ marginLeft: 6 }}>暂定</Tag>
    </Tooltip>
  );
}
