import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CommitmentsController } from './commitments.controller';
import { CommitmentsService } from './commitments.service';

/** API only: breaking a commitment starts a case workflow through CasesService. */
@Module({ imports: [CasesModule], controllers: [CommitmentsController], providers: [CommitmentsService] })
export class CommitmentsModule {}
