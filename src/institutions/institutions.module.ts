import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InstitutionEntity } from './institution.entity';
import { InstitutionImportService } from './institution-import.service';
import { InstitutionsController } from './institutions.controller';
import { InstitutionsService } from './institutions.service';

/** Institutions under supervision. Other modules use InstitutionsService.findByUscc. */
@Module({
  imports: [TypeOrmModule.forFeature([InstitutionEntity])],
  controllers: [InstitutionsController],
  providers: [InstitutionsService, InstitutionImportService],
  exports: [InstitutionsService],
})
export class InstitutionsModule {}
