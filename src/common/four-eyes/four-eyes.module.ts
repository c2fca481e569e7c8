import { Global, Module } from '@nestjs/common';
import { FourEyesController } from './four-eyes.controller';
import { FourEyesService } from './four-eyes.service';

/** Global: every module whose routes change a record's effect or the rules files its proposals here. */
@Global()
@Module({ controllers: [FourEyesController], providers: [FourEyesService], exports: [FourEyesService] })
export class FourEyesModule {}
