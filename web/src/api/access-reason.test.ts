import { describe, expect, it } from 'vitest';
import { accessReasonFor } from './access-reason';

describe('the purpose the console states for reading credit information', () => {
  it('names the case or institution a detail screen shows', () => {
    expect(accessReasonFor('/cases/LY-2026-000012')).toBe('案件办理：查看案件 LY-2026-000012');
    expect(accessReasonFor('/institutions/52320700MJ58463813')).toBe('信用监管：查看机构 52320700MJ58463813 的信用档案');
  });

  it('names the screen otherwise, the most specific one first', () => {
    expect(accessReasonFor('/worklist')).toBe('经由「我的待办」办理');
    expect(accessReasonFor('/cases/new')).toBe('经由「登记线索」办理');
    expect(accessReasonFor('/portal/commitments')).toBe('经由「信用承诺」办理');
    expect(accessReasonFor('/dashboard')).toBe('经由「领导看板」办理');
  });

  it('states none where no screen applies', () => {
    expect(accessReasonFor('/login')).toBeUndefined();
  });
});
