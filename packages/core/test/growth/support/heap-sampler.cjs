// Preloaded into a `sellguard check` child (node --expose-gc --require): every second it collects
// garbage and notes the heap still in use, and on exit writes the largest to the file named by
// SELLGUARD_HEAP_REPORT with the process's peak resident memory. Only what is still referenced
// counts, so the figure says what the command keeps, not how lazily V8 collects.
const { writeFileSync } = require('node:fs');

const report = process.env.SELLGUARD_HEAP_REPORT;
let maxHeap = 0;
const sample = () => {
  global.gc();
  maxHeap = Math.max(maxHeap, process.memoryUsage().heapUsed);
};
setInterval(sample, 1000).unref();
process.on('exit', () => {
  sample();
  writeFileSync(report, JSON.stringify({ maxHeap, maxRss: process.resourceUsage().maxRSS * 1024 }));
});
