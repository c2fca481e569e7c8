import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { verifyAllChains } from '../src/credit-file/chain-audit';
import { dataSourceOptions } from '../src/database/data-source';

/**
 * Recomputes every institution's credit-file hash chain and prints one line each:
 *   <USCC> | <name> | ok | <records>      or      <USCC> | <name> | BROKEN at #<seq> | <reason>
 * Exits 1 if any chain is broken (for cron and CI), 2 if it could not run.
 * Usage: npx ts-node -T scripts/verify-credit-chains.ts   (or node dist/scripts/verify-credit-chains.js)
 */
async function main(): Promise<number> {
  const ds = await new DataSource(dataSourceOptions()).initialize();
  let checked = 0;
  let broken = 0;
  try {
    for await (const { uscc, name, result } of verifyAllChains(ds)) {
      checked++;
      if (result.ok) console.log(`${uscc} | ${name} | ok | ${result.checked}`);
      else {
        broken++;
        console.log(`${uscc} | ${name} | BROKEN at #${result.firstBrokenSeq} | ${result.reason}`);
      }
    }
  } finally {
    await ds.destroy();
  }
  console.log(`checked ${checked} institutions, ${broken} broken chain(s)`);
  return broken ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);
