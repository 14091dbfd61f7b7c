import { describe, expect, it } from 'vitest';
import { performanceReports } from '../src/data/reports.mjs';
import { messages } from '../src/data/messages.mjs';
import { floorCheck } from '../src/workloads/a-rates.mjs';

describe('generated benchmark records', () => {
  it('are the same on every run', () => {
    expect(performanceReports(300)).toEqual(performanceReports(300));
    expect(messages(300)).toEqual(messages(300));
  });

  it('spell the cancellation rate both ways Amazon does', () => {
    const docs = performanceReports(200).map((l) => JSON.parse(l));
    const keys = new Set(docs.flatMap((d) => d.performanceMetrics.flatMap((m: object) => Object.keys(m))));
    expect(keys.has('prefulfillmentCancelRate')).toBe(true);
    expect(keys.has('preFulfillmentCancellationRate')).toBe(true);
  });

  it('the floor flags a rate exactly at the target and reads "2.5%" text', () => {
    const doc = {
      performanceMetrics: [
        { marketplaceId: 'ATVPDKIKX0DER', lateShipmentRate: { rate: 0.04 }, prefulfillmentCancelRate: { rate: '2.5%' }, validTrackingRate: { rate: 0.96 } },
      ],
    };
    expect(floorCheck(doc).map((v) => v.path)).toEqual(['performanceMetrics[0].preFulfillmentCancellationRate.rate', 'performanceMetrics[0].lateShipmentRate.rate']);
  });
});
