// The workload that docs/benchmarks.md profiles: Sellguard's CLI path
// (JSON.parse + decode + evaluate) on workload A's reports, or B2's messages.
// The profiler starts after the data is generated and the policy compiled,
// so the reading shows checking only; the profile is written to argv[4].
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performanceReports } from './data/reports.mjs';
import { messages } from './data/messages.mjs';
import { rateContenders } from './workloads/a-rates.mjs';
import { buyerMessaging } from './workloads/b-text.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const [which, count, out] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
const check = which === 'b2' ? buyerMessaging(root) : rateContenders(root).contenders.find((c) => c.name === 'Sellguard decode + evaluate').check;
const pool = which === 'b2' ? messages(Math.min(count, 20_000)) : performanceReports(Math.min(count, 100_000));

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
let found = 0;
for (let i = 0; i < count; i++) found += check(pool[i % pool.length]).length;
const { profile } = await session.post('Profiler.stop');
writeFileSync(out, JSON.stringify(profile));
process.stdout.write(`${found}\n`);
