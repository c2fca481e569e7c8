// Issue #22: bulk reassign offers only colleagues of the tasks' role and reports success without an empty box.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { WorklistItem } from '../../api/types';
import { OFFICES, stubApi } from '../../test/api';
import { renderUi } from '../../test/render';
import { BulkReassignModal } from './BulkReassignModal';

const task = (id: string, candidateRole: string) => ({ id, caseNo: `JY-${id}`, kind: 'investigate', candidateRole } as unknown as WorklistItem);

describe('bulk reassign', () => {
  it('asks the directory for users of the tasks’ role only', async () => {
    const calls = stubApi({ '/users': { items: [] }, '/offices': OFFICES });
    renderUi(<BulkReassignModal open tasks={[task('1', 'officer'), task('2', 'officer')]} officeCode="XWPX" onClose={() => undefined} />);
    await waitFor(() => expect(calls.some((c) => c.startsWith('/api/users?') && c.includes('role=officer'))).toBe(true));
  });

  it('refuses to mix tasks for different roles', () => {
    stubApi({ '/users': { items: [] }, '/offices': OFFICES });
    renderUi(<BulkReassignModal open tasks={[task('1', 'officer'), task('2', 'approver')]} officeCode="XWPX" onClose={() => undefined} />);
    expect(screen.getByTestId('mixed-roles').textContent).toContain('经办人、审核人');
  });

  it('reports success without a 暂无数据 box', async () => {
    stubApi({
      '/users': { items: [{ id: 'u2', username: 'li', displayName: '李经办', role: 'officer', officeCode: 'XWPX' }] }, '/offices': OFFICES,
      '/tasks/bulk-reassign': { succeeded: 1, failed: 0, results: [{ taskId: '1', ok: true }] },
    });
    renderUi(<BulkReassignModal open tasks={[task('1', 'officer')]} officeCode="XWPX" onClose={() => undefined} />);
    fireEvent.mouseDown(screen.getByRole('combobox'));
    fireEvent.click(await screen.findByText('李经办（li · 校外培训监管科）'));
    fireEvent.click(screen.getByRole('button', { name: '改派' }));
    await screen.findByText(/成功 1 项/);
    expect(document.body.textContent).not.toContain('暂无数据');
  });
});
