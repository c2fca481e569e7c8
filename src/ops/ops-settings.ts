import * as Joi from 'joi';

/**
 * Settings of the operations endpoints (issue #21), validated on their own so that the monitoring listeners never
 * touch the public port: Prometheus scrapes a loopback listener per process, the access matrix of /api is unchanged.
 * Under NODE_ENV=test the listeners take a free port (0) and the SDK's exporter is off, so parallel test runs and a
 * running `npm run up` never fight over a port.
 */
const testOr = (dev: number | undefined) => ({ is: 'test', then: Joi.number().port().default(0), otherwise: Joi.number().port().default(dev) });

const schema = Joi.object({
  NODE_ENV: Joi.string().default('development'),
  METRICS_HOST: Joi.string().default('127.0.0.1').description('address of the metrics listeners; keep it on loopback or a private network'),
  METRICS_PORT: Joi.number().port().when('NODE_ENV', testOr(9464)).description('the API process\'s GET /metrics'),
  WORKER_METRICS_PORT: Joi.number().port().when('NODE_ENV', testOr(9465)).description('the worker process\'s GET /metrics'),
  TEMPORAL_METRICS_PORT: Joi.number().port().when('NODE_ENV', { is: 'test', then: Joi.optional(), otherwise: Joi.number().port().default(9466) })
    .description('the Temporal SDK\'s own worker metrics (Runtime telemetry); unset under test = off'),
  METRICS_TOKEN: Joi.string().min(16).optional().description('if set, /metrics requires "Authorization: Bearer <token>"'),
  METRICS_CACHE_MS: Joi.number().integer().min(0).max(300_000).default(10_000)
    .description('the SQL-read gauges are computed at most once per this interval, however often Prometheus scrapes'),
});

export interface OpsSettings {
  METRICS_HOST: string;
  METRICS_PORT: number;
  WORKER_METRICS_PORT: number;
  TEMPORAL_METRICS_PORT?: number;
  METRICS_TOKEN?: string;
  METRICS_CACHE_MS: number;
}

export function opsSettings(raw: Record<string, unknown> = process.env): OpsSettings {
  const { error, value } = schema.validate(raw, { allowUnknown: true, abortEarly: false, stripUnknown: true });
  if (error) throw new Error(`Invalid configuration: ${error.message}`);
  return value as OpsSettings;
}
