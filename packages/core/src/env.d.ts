// The few web-platform globals the core uses. Every runtime Aside targets (browsers, Node 20+,
// Deno, Bun) has them; declaring them here keeps the DOM and Node type libraries out of the core.
interface AbortSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
}
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(id: unknown): void;
declare function queueMicrotask(callback: () => void): void;
