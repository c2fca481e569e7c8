import type { EvaluationService } from '../src/evaluation/evaluation.service';

export interface EvaluationActivityDeps {
  evaluation: EvaluationService;
}

/** Activities of the supervision task queue; idempotent: re-scoring twice writes the same snapshot. */
export function createEvaluationActivities({ evaluation }: EvaluationActivityDeps) {
  return {
    async reevaluateAllInstitutions(): Promise<{ asOf: string; institutions: number; ms: number }> {
      return evaluation.reevaluateAll();
    },
  };
}

export type EvaluationActivities = ReturnType<typeof createEvaluationActivities>;
