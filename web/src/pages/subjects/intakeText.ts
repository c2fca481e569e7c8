// Words for the codes of a counter intake (issue #19), shared by the person page and the officers' queue.
export const INTAKE_KINDS: Record<string, string> = { objection: '异议', statement: '陈述、申辩' };
export const CHANNELS: Record<string, string> = { counter: '窗口递交', post: '邮寄' };
export const INTAKE_STATUS: Record<string, [string, string]> = { received: ['待处理', 'orange'], upheld: ['异议成立', 'green'], rejected: ['异议不成立', 'default'] };
