import { Injectable } from '@nestjs/common';

/** Today's Beijing date as the alerts count it; one seam, so a test can stand on 1 November on any day of the year. */
@Injectable()
export class OpsClock {
  today(): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  }
}
