// Issue #22: the user list in words, confirmations before a role or office changes, a search box.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OFFICES, signedInAs } from '../../test/api';
import { renderSignedIn } from '../../test/render';
import { UsersTable } from './UsersAndOffices';

const user = (u: Record<string, unknown>) => ({ displayName: '', officeCode: null, uscc: null, active: true, createdAt: '2026-01-01T00:00:00Z',
  totpEnrolled: false, mustChangePassword: false, ...u });
const USERS = { items: [
  user({ id: 'a', username: 'admin', role: 'admin', displayName: '管理员' }),
  user({ id: 'b', username: 'wang', role: 'officer', displayName: '王经办', officeCode: 'XWPX' }),
  user({ id: 'c', username: 'qmx', role: 'institution', displayName: '启明星', uscc: '91320706MA1XXXXX0A' }),
] };

const setup = () => {
  const calls = signedInAs({ id: 'a', username: 'admin', role: 'admin' }, { '/users': USERS, '/offices': OFFICES, '/users/b': USERS.items[1] });
  const view = renderSignedIn(<UsersTable />);
  return { calls, view };
};

describe('users table', () => {
  it('shows roles and offices in Chinese, never institution or XWPX', async () => {
    const { view } = setup();
    await screen.findByText('王经办', {}, { timeout: 5000 });
    await waitFor(() => expect(view.container.textContent).toContain('校外培训监管科'));
    expect(view.container.textContent).toContain('机构');
    expect(view.container.textContent).not.toMatch(/institution|XWPX/);
  });

  it('asks before changing a role and changes nothing when cancelled', async () => {
    const { calls } = setup();
    const row = (await screen.findByText('王经办', {}, { timeout: 5000 })).closest('tr') as HTMLElement;
    fireEvent.mouseDown(within(row).getAllByRole('combobox')[0]);
    fireEvent.click(await screen.findByTitle('审核人'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('将由“经办人”改为“审核人”');
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(calls.some((c) => c.startsWith('/api/users/b'))).toBe(false);
  });

  it('finds a user by name', async () => {
    setup();
    await screen.findByText('王经办', {}, { timeout: 5000 });
    fireEvent.change(screen.getByPlaceholderText('按用户名、姓名或统一社会信用代码查找'), { target: { value: '启明' } });
    await waitFor(() => expect(screen.queryByText('王经办')).toBeNull());
    expect(screen.getByText('启明星')).toBeTruthy();
  });
});
