import { startPlatformSimulator } from './server';

/**
 * Entry point of the municipal platform simulator (连云港市公共信用信息共享平台, simulated): its own process
 * and port, nothing shared with the API. `npm run up` starts it with a state file under var/.
 */
async function main(): Promise<void> {
  const sim = await startPlatformSimulator({
    port: Number(process.env.SIMULATOR_PORT ?? 3100),
    host: process.env.SIMULATOR_HOST ?? '127.0.0.1',
    stateFile: process.env.SIMULATOR_STATE_FILE || undefined,
  });
  if (process.env.SIMULATOR_SEED_DEMO !== '0' && sim.store.feed.length === 0) {
    // what the other departments have reported about the demo institution (scripts/demo-data.ts)
    sim.admin.publish([
      {
        id: 'SJSC-2026-0001', kind: 'record', department: '连云港市市场监督管理局', uscc: '52320700MJ58463813',
        title: '虚假宣传行政处罚', recordType: 'penalty', severity: 'general', decisionDate: '2026-01-12',
        payload: { decisionNo: '连市监处罚〔2026〕12号', content: '警告并处罚款 2 万元' },
      },
      {
        id: 'RSJ-2026-0031', kind: 'record', department: '连云港市人力资源和社会保障局', uscc: '91440300708461136T',
        title: '拖欠工资失信记录', recordType: 'determination', severity: 'serious', decisionDate: '2026-02-03',
        payload: { note: '不属于本局监管机构，接收方应忽略' },
      },
    ]);
  }
  console.log(JSON.stringify({ msg: 'platform simulator listening', url: sim.url, stateFile: process.env.SIMULATOR_STATE_FILE ?? null }));
  const stop = () => void sim.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
