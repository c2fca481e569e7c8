import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { describeError } from './errors';

describe('describeError', () => {
  it('passes the API\'s Chinese message through', () => {
    expect(describeError(new ApiError(409, 'TASK_NOT_CLAIMED', '请先领取该任务再办理'))).toBe('请先领取该任务再办理');
  });

  it('joins every field message of a validation failure', () => {
    const e = new ApiError(400, 'VALIDATION_FAILED', '缺少必填字段：决定书文号（decisionNo）', {
      fields: [
        { field: 'decisionNo', message: '缺少必填字段：决定书文号（decisionNo）' },
        { field: 'fineAmount', message: '缺少必填字段：罚款金额（万元）（fineAmount）' },
      ],
    });
    expect(describeError(e)).toBe('缺少必填字段：决定书文号（decisionNo）；缺少必填字段：罚款金额（万元）（fineAmount）');
  });

  it('never shows a clerk a stack trace or an English status', () => {
    expect(describeError(new ApiError(500, 'INTERNAL_ERROR', 'Internal server error'))).toMatch(/系统暂时出现问题/);
    expect(describeError(new ApiError(0, 'NETWORK_ERROR', ''))).toBe('无法连接服务器，请检查网络后重试');
    expect(describeError(new ApiError(429, 'TOO_MANY_REQUESTS', ''))).toMatch(/操作过于频繁/);
    expect(describeError(new ApiError(502, 'HTTP_502', ''))).toMatch(/系统暂时出现问题/);
  });
});
