/**
 * The worker every playground check runs in (the data pane's results, the
 * Explain and Examples tabs, the fixed-records download), so that a slow
 * policy never freezes the page: the page gives each check a time budget
 * and replaces this worker when it is spent (see scheduler.ts).
 */
/// <reference lib="webworker" />
import { loadSpeller } from '../lib/spelling';
import { createLiveChecker } from './liveChecker';
import type { CheckReply, CheckRequest } from './protocol';

/** The worker's whole life: one checker (its compiled policy and last outcome), fed by the page's requests. */
function serve(scope: DedicatedWorkerGlobalScope): void {
  const checker = createLiveChecker({ post: (reply: CheckReply) => scope.postMessage(reply), loadSpeller });
  scope.onmessage = (e: MessageEvent<CheckRequest>) => checker.receive(e.data);
}

serve(self as unknown as DedicatedWorkerGlobalScope);
