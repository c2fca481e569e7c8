import { Injectable } from '@nestjs/common';
import { beijingToday } from '../common/time/beijing';

/**
 * Today's Beijing date as the penalty procedure reads it (no step dated in the future; the head's decision takes
 * effect on its day). One seam, like OpsClock, so the time-skipping test can stand the API's steps on the workflow's
 * calendar on any day of the year.
 */
@Injectable()
export class BanClock {
  today(): string {
    return beijingToday();
  }
}
