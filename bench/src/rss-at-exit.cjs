// Preloaded (node -r) into a measured child process: on exit, append the
// process's peak resident memory (KB) to the file named by the
// SELLGUARD_BENCH_RSS environment variable.
const { appendFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.SELLGUARD_BENCH_RSS) appendFileSync(process.env.SELLGUARD_BENCH_RSS, `${process.resourceUsage().maxRSS}\n`);
});
