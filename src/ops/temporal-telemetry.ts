import { Logger } from '@nestjs/common';
import { Runtime } from '@temporalio/worker';
import { opsSettings } from './ops-settings';

/**
 * The Temporal SDK's own worker metrics (task latencies, slots, sticky cache, poller counts), exported by the SDK's
 * core in Prometheus format on TEMPORAL_METRICS_PORT. The runtime is process-wide and installed once, before the
 * first connection, so worker.ts calls this first. Prefixed `temporal_` by the SDK.
 */
export function installTemporalTelemetry(): void {
  const { METRICS_HOST, TEMPORAL_METRICS_PORT } = opsSettings();
  if (TEMPORAL_METRICS_PORT === undefined) return;
  const bindAddress = `${METRICS_HOST}:${TEMPORAL_METRICS_PORT}`;
  Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress } } } });
  new Logger('Worker').log(`Temporal SDK metrics on http://${bindAddress}/metrics`);
}
