import { Global, Module } from '@nestjs/common';
import { CryptoModule } from '../crypto/crypto.module';
import { FourEyesController } from './four-eyes.controller';
import { FourEyesService } from './four-eyes.service';

/**
 * Global: every module whose routes change a record's effect or the rules files its proposals here. The calendar and
 * policy modules import it themselves, as the worker, scripts and benches build them without the AppModule.
 */
@Global()
@Module({ imports: [CryptoModule], controllers: [FourEyesController], providers: [FourEyesService], exports: [FourEyesService] })
export class FourEyesModule {}
