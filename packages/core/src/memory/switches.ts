/** The backend operations whose latency and failures a test or story can switch. */
export type MemoryOperation =
  | 'search'
  | 'getPeople'
  | 'load'
  | 'loadOlder'
  | 'submitMessage'
  | 'addFollower'
  | 'removeFollower'
  | 'publish'
  | 'settings'
  | 'drafts';

const abortError = () => Object.assign(new Error('Aborted'), { name: 'AbortError' });

/** The memory backend's switches: a latency per operation and failures armed on demand. */
export function createSwitches(latencyMs: number) {
  const latency = new Map<MemoryOperation | 'all', number>([['all', latencyMs]]);
  const failures = new Map<MemoryOperation, { times: number; message: string }>();

  /** Wait the configured latency, honour aborts, then fail if a failure is armed. */
  const operate = async (operation: MemoryOperation, signal?: AbortSignal) => {
    const ms = latency.get(operation) ?? latency.get('all') ?? 0;
    if (ms > 0) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(abortError());
        });
      });
    } else {
      await Promise.resolve();
    }
    if (signal?.aborted) throw abortError();
    const failure = failures.get(operation);
    if (failure && failure.times > 0) {
      failure.times--;
      // A plain Error, as a network failure would be: the store must wrap it with context.
      throw new Error(failure.message);
    }
  };

  return {
    operate,
    setLatency: (operation: MemoryOperation | 'all', ms: number) => void latency.set(operation, ms),
    fail: (
      operation: MemoryOperation,
      times = Number.POSITIVE_INFINITY,
      message = `The backend refused (${operation})`,
    ) => void failures.set(operation, { times, message }),
    recover: (operation?: MemoryOperation) =>
      void (operation ? failures.delete(operation) : failures.clear()),
  };
}
