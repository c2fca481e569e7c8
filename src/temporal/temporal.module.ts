import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client, Connection } from '@temporalio/client';
import type { AppEnv } from '../config/env.schema';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/** The API's Temporal client. The worker has its own entry point (src/worker.ts). */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [ConfigService],
      useFactory: async (config: ConfigService<AppEnv, true>) => {
        // lazy: the API starts (and reports Temporal as down in /api/health) even if Temporal is not up yet
        const connection = Connection.lazy({ address: config.get('TEMPORAL_ADDRESS') });
        return new Client({ connection, namespace: config.get('TEMPORAL_NAMESPACE') });
      },
    },
  ],
  exports: [TEMPORAL_CLIENT],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
