import { Global, Module } from '@nestjs/common';
import { CryptoModule } from '../common/crypto/crypto.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { CreditFileController } from './credit-file.controller';
import { CreditFileService } from './credit-file.service';

/**
 * The credit file. Global, so the case workflow's activities (worker) and every supervision module (API)
 * reach `CreditFileService` without importing this module; both AppModule and WorkerModule import it once.
 */
@Global()
@Module({
  imports: [CryptoModule, EvaluationModule],
  controllers: [CreditFileController],
  providers: [CreditFileService],
  exports: [CreditFileService, EvaluationModule],
})
export class CreditFileModule {}
