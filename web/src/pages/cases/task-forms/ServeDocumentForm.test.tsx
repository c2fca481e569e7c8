import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { toServiceBody } from './ServeDocumentForm';

describe('toServiceBody', () => {
  it('sends a postal service with its receipt date and tracking number only', () => {
    expect(toServiceBody({ documentId: 'd1', method: 'postal', servedOn: dayjs('2026-09-30'), trackingNo: ' EMS123 ', servers: ['王经办'] }))
      .toEqual({ method: 'postal', servedOn: '2026-09-30', trackingNo: 'EMS123' });
  });

  it('sends a direct service with the recipient and the servers who signed the 送达回证', () => {
    expect(toServiceBody({ documentId: 'd1', method: 'direct', servedOn: dayjs('2026-10-26'), recipient: '陈明', servers: ['王经办', '赵执法'] }))
      .toEqual({ method: 'direct', servedOn: '2026-10-26', recipient: '陈明', servers: ['王经办', '赵执法'] });
  });

  it('sends a public notice by its announcement, not a service date', () => {
    expect(toServiceBody({ documentId: 'd1', method: 'public_notice', announcedOn: dayjs('2026-10-09'), announcedIn: '本局网站', servedOn: dayjs('2026-10-09') }))
      .toEqual({ method: 'public_notice', announcedOn: '2026-10-09', announcedIn: '本局网站' });
  });
});
