/**
 * docs/accuracy.md, regenerated from measurements. The first measurement on
 * the blind corpora is a record of how the policies did before anything was
 * changed because of them, so once written it is carried over verbatim.
 */
import { languagesOf, summaryTable, table } from './tables.mjs';

const FIRST_START = '<!-- first blind measurement: written once by `npm run accuracy -- --write`, then kept as recorded -->';
const FIRST_END = '<!-- end of first blind measurement -->';

/** The recorded first-measurement block of an existing docs/accuracy.md, or null. */
export function firstBlindBlock(existingDoc) {
  const start = existingDoc.indexOf(FIRST_START);
  const end = existingDoc.indexOf(FIRST_END);
  if (start < 0 || end < start) return null;
  return existingDoc.slice(start, end + FIRST_END.length);
}

function blindTables(blind) {
  return blind
    .map((r) => {
      const langs = r.languages.size ? ` (${languagesOf(r)})` : '';
      const unread = r.invalid.length ? ` ${r.invalid.length} could not be read by the policy; they count as records on which nothing fired.` : '';
      return `### ${r.policy}\n\n\`${r.source}\`: ${r.total} ${r.corpus === 'blind' && r.source.endsWith('orders') ? 'order reports' : 'records'}${langs}.${unread}\n\n${table(r, { withTotal: true })}`;
    })
    .join('\n\n');
}

export function newFirstBlindBlock(blind, date) {
  return `${FIRST_START}
## Blind held-out corpus — first measurement (before fixes)

Measured on ${date} with \`npm run accuracy -- --corpus blind\`, right after
the blind corpora were committed and before any rule was changed because of
them. This is the honest estimate for data the rules have never seen.

${summaryTable(blind)}

${blindTables(blind)}
${FIRST_END}`;
}

export function accuracyDoc({ tuning, holdout, blind, firstBlock }) {
  return `# Accuracy of the shipped policies

How well the rules in \`policies/\` find what they should, measured on
labelled records: each record (for account-health-orders, each order report)
is labelled with every rule it should trigger, and \`[]\` means it is clean.

- **precision**: of the records a rule flagged, the share that really break it (false alarms lower it);
- **recall**: of the records that break a rule, the share it flagged;
- **all rules (micro-average)**: every record-and-rule decision of the policy counted once.

Reproduce with:

\`\`\`sh
npm run accuracy                      # every policy on every corpus it has; lists every miss and false alarm
npm run accuracy -- --corpus blind    # only the blind held-out corpora (also: tuning, holdout)
npm run accuracy -- --write           # rewrites this file; the first blind measurement is kept as recorded
\`\`\`

The corpora and their labelling conventions are described in the README of
each folder under \`corpus/\`.

## Blind held-out corpus — after fixes

Written from Amazon's guidelines and the policies' record types only, by
someone who had not read the rules, and kept out of tuning: it is the
estimate for unseen data. Records are checked as of the day each corpus's
README gives. These are the current rules, after the fixes for exact-match
lookups, quantity and scope checks, literal comparisons, optional record
shapes and buyer-messaging gaps; the first measurement, before those fixes,
follows for comparison.

${summaryTable(blind)}

${blindTables(blind)}

${firstBlock}

## Buyer messaging: tuning corpus

\`corpus/buyer-messaging/messages.jsonl\`: ${tuning.total} messages (${languagesOf(tuning)}). The
phrase lists were tuned on it, so these numbers are an upper bound.

${table(tuning)}

## Buyer messaging: second tuning corpus (formerly held out)

\`corpus/buyer-messaging/holdout.jsonl\`: ${holdout.total} messages (${languagesOf(holdout)}),
written separately, without looking at the policy, in styles and phrasings
the first tuning corpus does not have. It was held out until its first
measurement; the rules have been tuned on it since, so it is now a tuning set
(\`--corpus holdout\` still measures it alone).

${table(holdout)}

**Its first measurement, before any change prompted by it**, was: precision
1.000 and recall 1.000 for 14 of the 22 rules; marketing-content recall
0.727, incentivized-review recall 0.875, review-manipulation precision 0.875
and recall 0.700, insecure-link recall 0.857, email-address recall 0.750,
phone-number precision 0.875, spelling precision 0.667. The misses it showed
were general gaps (social-media invitations, vouchers, "talk to us before
posting", asking to update a review, Spanish and bracketed disguised emails,
VAT numbers read as phones, logos linked over http) and were fixed as such;
the table above is after those fixes.

## Known limits

- \`spelling\` (a warning) flags real but rare words that the Hunspell
  dictionary lacks (technical terms such as "codec", "pupillary", "duffel").
  Sellers can ignore or add such words; precision on unseen text is lower than
  for the other rules.
`;
}
