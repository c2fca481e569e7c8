/**
 * The two kinds of simulated user of bench/load.bench.ts, each one autocannon instance with one connection, so a
 * user's state (its token, the task it claimed, the file it uploaded) lives in a closure instead of autocannon's
 * per-cycle context. Every request is tagged read or write so the bench can report both.
 */
export type Kind = 'read' | 'write';
export interface Step {
  setupRequest: (req: Record<string, unknown>) => Record<string, unknown>;
  onResponse?: (status: number, body: string) => void;
}
/** `last` names the request in flight (one connection per user, no pipelining), so its response can be filed under it. */
export interface SimUser { steps: Step[]; lastKind: Kind; last: string; done: number }

const json = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
const get = (u: SimUser, token: string, path: string, label: string) => { u.lastKind = 'read'; u.last = label; return { method: 'GET', path, headers: json(token), body: undefined }; };
const post = (u: SimUser, token: string, path: string, body: object, label: string) => { u.lastKind = 'write'; u.last = label; return { method: 'POST', path, headers: json(token), body: JSON.stringify(body) }; };
const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(Math.random() * xs.length)];
const parse = (body: string) => { try { return JSON.parse(body); } catch { return null; } };

/**
 * An officer working the list: pages and filters, opens a case, claims and completes its own real tasks — the
 * writes only from `writesFrom` (ms since the epoch) on: before it, the bench's warm-up, the step is a read.
 */
export function officer(token: string, realTasks: string[], dueBefore: string, writesFrom = 0): SimUser {
  const u: SimUser = { steps: [], lastKind: 'read', last: '', done: 0 };
  const filters = ['stage=INVESTIGATION', 'severity=serious', `dueBefore=${dueBefore}`, 'scope=mine', 'scope=unassigned', 'sort=-dueDate&page=3'];
  let caseNo: string | undefined;
  let claimed: string | null = null;
  let turn = 0;
  u.steps = [
    { setupRequest: () => get(u, token, `/api/tasks?page=${1 + Math.floor(Math.random() * 3)}&pageSize=20`, 'tasks page'),
      onResponse: (status, body) => { if (status === 200) caseNo = pick<{ caseNo: string }>(parse(body)?.items ?? [])?.caseNo ?? caseNo; } },
    { setupRequest: () => get(u, token, '/api/tasks?overdue=true', 'tasks overdue') },
    { setupRequest: () => get(u, token, `/api/tasks?${filters[turn++ % filters.length]}`, 'tasks filtered') },
    { setupRequest: () => (caseNo ? get(u, token, `/api/cases/${caseNo}`, 'case page') : get(u, token, '/api/tasks?scope=mine', 'tasks filtered')) },
    { setupRequest: () => {
      if (Date.now() < writesFrom) return get(u, token, `/api/tasks?${filters[turn++ % filters.length]}`, 'tasks filtered');
      if (claimed) return post(u, token, `/api/tasks/${claimed}/complete`, { summary: '经查属实', severity: 'general', measures: ['责令限期整改'] }, 'complete');
      const next = realTasks[0];
      return next ? post(u, token, `/api/tasks/${next}/claim`, {}, 'claim') : get(u, token, '/api/tasks?scope=mine&sort=priority', 'tasks filtered');
    },
    onResponse: (status) => {
      if (status !== 200 || u.lastKind !== 'write') return;
      if (claimed) { claimed = null; u.done++; } else claimed = realTasks.shift() ?? null;
    } },
  ];
  return u;
}

/** An institution: its deadlines and cases, and for each open objection window an upload and an objection (from `writesFrom`). */
export function institution(token: string, upload: { body: Buffer; contentType: string }, writesFrom = 0): SimUser {
  const u: SimUser = { steps: [], lastKind: 'read', last: '', done: 0 };
  const answered = new Set<string>();
  let pending: string | undefined;
  let fileId: string | undefined;
  u.steps = [
    { setupRequest: () => get(u, token, '/api/portal/deadlines', 'deadlines'),
      onResponse: (status, body) => {
        if (status !== 200) return;
        pending = (parse(body) as { caseNo: string; kind: string }[] ?? []).find((d) => d.kind === 'objection' && !answered.has(d.caseNo))?.caseNo;
      } },
    { setupRequest: () => get(u, token, '/api/portal/cases', 'own cases') },
    { setupRequest: () => {
      if (!pending || fileId || Date.now() < writesFrom) return get(u, token, '/api/inbox?unread=true', 'inbox');
      u.lastKind = 'write';
      u.last = 'upload';
      return { method: 'POST', path: '/api/portal/uploads', headers: { authorization: `Bearer ${token}`, 'content-type': upload.contentType }, body: upload.body };
    },
    onResponse: (status, body) => { if (status === 201 && u.lastKind === 'write') fileId = parse(body)?.id; } },
    { setupRequest: () => (pending && fileId
      ? post(u, token, `/api/portal/cases/${pending}/objection`, { reason: '我机构已取得办学许可证，认定事实有误', fileIds: [fileId] }, 'objection')
      : get(u, token, '/api/portal/deadlines', 'deadlines')),
    onResponse: (status) => {
      if (status !== 200 || u.lastKind !== 'write' || !pending) return;
      answered.add(pending); u.done++; pending = undefined; fileId = undefined;
    } },
  ];
  return u;
}

/** A multipart/form-data body with one small PDF (the upload check reads the content, not the name). */
export function pdfUpload(): { body: Buffer; contentType: string } {
  const boundary = '----educredit-load-bench';
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="evidence.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    pdf, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
