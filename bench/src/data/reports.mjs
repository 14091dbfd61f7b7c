/**
 * Seller performance reports (Amazon's GET_V2_SELLER_PERFORMANCE_REPORT
 * shape, as in examples/account-health), one JSON document per line.
 * Rates are drawn around Amazon's targets so that every rule both passes
 * and fails often; some reports lack a rate (no orders in the window).
 */
import { seeded } from './random.mjs';

const MARKETPLACES = ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2', 'A1F83G8C2ARO7P', 'A1PA6795UKMFR9'];
const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 10, 21);

const isoMinute = (ms) => new Date(ms).toISOString().slice(0, 16) + 'Z';

function range(days) {
  return { reportingDateFrom: isoMinute(AS_OF - days * DAY), reportingDateTo: isoMinute(AS_OF - 60_000) };
}

/** A rate near `target`: a fraction with four decimals, sometimes exactly the target. */
function rateNear(rnd, target) {
  if (rnd.chance(0.05)) return target;
  return Math.round(target * (0.3 + rnd.next() * 1.2) * 10_000) / 10_000;
}

function rateMetric(rnd, target, days, countField) {
  const orderCount = 50 + rnd.int(5000);
  const metric = { reportingDateRange: range(days), orderCount, status: 'GOOD', targetValue: target, targetCondition: 'LESS_THAN' };
  if (rnd.chance(0.03)) return metric; // no rate: nothing in the window
  metric.rate = rateNear(rnd, target);
  metric[countField] = Math.round(metric.rate * orderCount);
  return metric;
}

function marketplace(rnd) {
  const validTracking = rateMetric(rnd, 0.95, 30, 'validTrackingCount');
  if (validTracking.rate !== undefined) validTracking.rate = Math.min(1, Math.round((0.9 + rnd.next() * 0.1) * 10_000) / 10_000);
  validTracking.targetCondition = 'GREATER_THAN';
  return {
    marketplaceId: rnd.pick(MARKETPLACES),
    orderDefectRate: { mfn: rateMetric(rnd, 0.01, 60, 'orderCount'), afn: rateMetric(rnd, 0.01, 60, 'orderCount') },
    // Amazon's documents spell this key two ways; the policy reads both.
    [rnd.chance(0.5) ? 'prefulfillmentCancelRate' : 'preFulfillmentCancellationRate']: rateMetric(rnd, 0.025, 7, 'cancellationCount'),
    lateShipmentRate: rateMetric(rnd, 0.04, 30, 'lateShipmentCount'),
    validTrackingRate: validTracking,
    listingPolicyViolations: { defectsCount: rnd.int(2), status: 'GOOD' },
  };
}

/** `count` report documents as JSON text lines, the same for the same seed. */
export function performanceReports(count, seed = 1) {
  const rnd = seeded(seed);
  const lines = new Array(count);
  for (let i = 0; i < count; i++) {
    const metrics = [marketplace(rnd)];
    if (rnd.chance(0.3)) metrics.push(marketplace(rnd));
    const doc = {
      accountStatuses: metrics.map((m) => ({ marketplaceId: m.marketplaceId, status: rnd.chance(0.9) ? 'NORMAL' : 'AT_RISK' })),
      performanceMetrics: metrics,
    };
    lines[i] = JSON.stringify(doc);
  }
  return lines;
}

export const REPORTS_AS_OF = AS_OF;
