import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { PortalController } from './portal.controller';
import { PortalService } from './portal.service';
import { UploadsService } from './uploads.service';

@Module({ imports: [CasesModule], controllers: [PortalController], providers: [PortalService, UploadsService], exports: [UploadsService] })
export class PortalModule {}
