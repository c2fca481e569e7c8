import { temporal } from '@temporalio/proto';
import { SA } from '../../workflows/contracts';

type OperatorConnection = { operatorService: temporal.api.operatorservice.v1.OperatorService };

const TYPES = {
  KEYWORD: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  DATETIME: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
} as const;

/**
 * Registers the case search attributes if the namespace lacks them (dev server, test server, a fresh cluster),
 * so `temporal workflow list --query "CaseStage='RECTIFICATION'"` works everywhere. Safe to call at every start.
 */
export async function ensureSearchAttributes(connection: OperatorConnection, namespace: string): Promise<void> {
  // the time-skipping test server can add search attributes but not list them (gRPC 12, UNIMPLEMENTED)
  const existing = await connection.operatorService.listSearchAttributes({ namespace }).catch((err: { code?: number }) => {
    if (err.code === 12) return { customAttributes: {} };
    throw err;
  });
  const known = new Set(Object.keys(existing.customAttributes ?? {}));
  const missing = Object.values(SA).filter((k) => !known.has(k.name));
  if (!missing.length) return;
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map((k) => [k.name, TYPES[k.type as keyof typeof TYPES]])),
  });
}
