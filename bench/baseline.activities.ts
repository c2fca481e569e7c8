/** The baseline's one activity: does nothing, so what is measured is Temporal and the worker. */
export const baselineActivities = {
  async noop(): Promise<void> {},
};

export type BaselineActivities = typeof baselineActivities;
