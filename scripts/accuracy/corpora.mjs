/**
 * Which labelled corpora measure which shipped policy.
 *
 * - tuning: sets the rules were tuned on (`messages.jsonl`, and `holdout.jsonl`,
 *   which was held out once and has been tuned on since).
 * - holdout: `holdout.jsonl` alone, so its table stays comparable with earlier runs.
 * - blind: the held-out sets written from Amazon's guidelines by someone who had
 *   not read the rules; nothing is tuned on them.
 *
 * A `records` corpus is JSON lines `{id, labels, note, <key>: record}`; a `cases`
 * corpus is a folder of order reports with `labels.json` ({file: {asOf, labels, note}}).
 */

/** The day the blind record corpora are checked as of (their warnings, test buys and expiry dates are relative to it). */
export const BLIND_AS_OF = '2026-12-01';

export const POLICIES = [
  {
    id: 'buyer-messaging',
    file: 'policies/buyer-messaging.policy',
    corpora: {
      tuning: { kind: 'records', file: 'corpus/buyer-messaging/messages.jsonl', key: 'message' },
      holdout: { kind: 'records', file: 'corpus/buyer-messaging/holdout.jsonl', key: 'message' },
      blind: { kind: 'records', file: 'corpus/buyer-messaging/blind.jsonl', key: 'message' },
    },
  },
  {
    id: 'follow-selling',
    file: 'policies/follow-selling.policy',
    corpora: { blind: { kind: 'records', file: 'corpus/follow-selling/blind.jsonl', key: 'record', asOf: BLIND_AS_OF } },
  },
  {
    id: 'listing-defense',
    file: 'policies/listing-defense.policy',
    corpora: { blind: { kind: 'records', file: 'corpus/listing-defense/blind.jsonl', key: 'record', asOf: BLIND_AS_OF } },
  },
  {
    id: 'product-certification',
    file: 'policies/product-certification.policy',
    corpora: { blind: { kind: 'records', file: 'corpus/product-certification/blind.jsonl', key: 'record', asOf: BLIND_AS_OF } },
  },
  {
    id: 'account-health',
    file: 'policies/account-health.policy',
    corpora: { blind: { kind: 'records', file: 'corpus/account-health/blind.jsonl', key: 'record', asOf: BLIND_AS_OF } },
  },
  {
    id: 'account-health-orders',
    file: 'policies/account-health-orders.policy',
    corpora: { blind: { kind: 'cases', dir: 'corpus/account-health-orders' } },
  },
];

export const CORPUS_NAMES = ['tuning', 'holdout', 'blind'];
