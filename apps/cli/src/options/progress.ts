/**
 * A progress line on standard error for long runs: records read, records per
 * second, and how far through the input and the time left when its size is
 * known. Only on a terminal, never with --quiet or in CI (CI=true), and only
 * once a run has taken about two seconds (SELLGUARD_PROGRESS_DELAY, in
 * milliseconds, changes that).
 */
const INTERVAL = 250;

export function progressWanted(quiet: boolean | undefined): boolean {
  const ci = process.env.CI;
  return !quiet && Boolean(process.stderr.isTTY) && !(ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false');
}

function num(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m}m ${Math.ceil(seconds % 60)}s` : `${Math.floor(m / 60)}h ${m % 60}m`;
}

export class Progress {
  private records = 0;
  private bytes = 0;
  private shown = false;
  private readonly started = Date.now();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    enabled: boolean,
    /** Total bytes of the inputs, when all are files. */
    private readonly totalBytes: number | undefined,
    private readonly label = 'checking',
  ) {
    if (!enabled) return;
    const delay = Number(process.env.SELLGUARD_PROGRESS_DELAY ?? 2000);
    const start = () => {
      this.render();
      this.timer = setInterval(() => this.render(), INTERVAL);
      this.timer.unref();
    };
    if (delay <= 0) start();
    else {
      this.timer = setTimeout(start, delay);
      this.timer.unref();
    }
  }

  record(count = 1): void {
    this.records += count;
  }

  read(bytes: number): void {
    this.bytes += bytes;
  }

  private render(): void {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.records / seconds : 0;
    const parts = [`sellguard: ${this.label}: ${num(this.records)} records read`, `${num(rate)} records/s`];
    if (this.totalBytes && this.totalBytes > 0) {
      const done = Math.min(1, this.bytes / this.totalBytes);
      parts.push(`${Math.floor(done * 100)}%`);
      if (done > 0.01 && done < 1) parts.push(`about ${duration((seconds / done) * (1 - done))} left`);
    }
    process.stderr.write(`\r\x1b[2K${parts.join(', ')}`);
    this.shown = true;
  }

  /** Remove the line, so the report that follows starts on a clean line. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.shown) process.stderr.write('\r\x1b[2K');
    this.shown = false;
  }
}
