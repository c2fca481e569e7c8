import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CalendarModule } from '../src/calendar/calendar.module';
import { CalendarService } from '../src/calendar/calendar.service';
import { AppConfigModule } from '../src/config/config.module';
import { beijingToday } from '../src/common/time/beijing';
import { DatabaseModule } from '../src/database/database.module';
import { DRAFT_BASIS, publishDraftYears } from './draft-calendar';

@Module({ imports: [AppConfigModule, DatabaseModule, CalendarModule] })
class DraftCalendarModule {}

/**
 * Test and demo environments only: publishes this year and next year, where the calendar lacks them, as their
 * statutory holidays, so that a case started in December can still compute a deadline in January. Production
 * enters the State Council's notice through PUT /api/calendar/years/:year instead.
 */
async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') throw new Error('a draft calendar is never published in production');
  const ctx = await NestFactory.createApplicationContext(DraftCalendarModule, { logger: ['error'] });
  const year = Number(beijingToday().slice(0, 4));
  for (const y of await publishDraftYears(ctx.get(CalendarService), [year, year + 1])) {
    console.log(`calendar: ${y} published from its statutory holidays (${DRAFT_BASIS})`);
  }
  await ctx.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
