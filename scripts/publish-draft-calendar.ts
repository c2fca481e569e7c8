import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CalendarModule } from '../src/calendar/calendar.module';
import { CalendarService } from '../src/calendar/calendar.service';
import { statutoryHolidays } from '../src/calendar/statutory-holidays';
import { AppConfigModule } from '../src/config/config.module';
import { shanghaiToday } from '../src/credit-file/credit-status';
import { DatabaseModule } from '../src/database/database.module';

@Module({ imports: [AppConfigModule, DatabaseModule, CalendarModule] })
class DraftCalendarModule {}

export const DRAFT_BASIS = '测试/演示环境：按《全国年节及纪念日放假办法》推算的法定假日，不含调休，非国务院通知';

/**
 * Test and demo environments only: publishes this year and next year, where the calendar lacks them, as their
 * statutory holidays, so that a case started in December can still compute a deadline in January. Production
 * enters the State Council's notice through PUT /api/calendar/years/:year instead.
 */
async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') throw new Error('a draft calendar is never published in production');
  const ctx = await NestFactory.createApplicationContext(DraftCalendarModule, { logger: ['error'] });
  const calendar = ctx.get(CalendarService);
  const known = new Set(await calendar.knownYears());
  const year = Number(shanghaiToday().slice(0, 4));
  for (const y of [year, year + 1].filter((y) => !known.has(y))) {
    await calendar.publishYear(y, { holidays: statutoryHolidays(y), workdays: [], basis: DRAFT_BASIS }, null);
    console.log(`calendar: ${y} published from its statutory holidays (${DRAFT_BASIS})`);
  }
  await ctx.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
