import type { Logger } from '../logging';

/**
 * Wraps an event or message handler: a thrown error or rejected promise is logged and never reaches
 * the extension host (other previews and features keep working).
 */
export function safely<A extends unknown[]>(logger: Logger, what: string, handler: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const result = handler(...args);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<unknown>).then(undefined, (error: unknown) => logger.error(`${what} failed`, error));
      }
    } catch (error) {
      logger.error(`${what} failed`, error);
    }
  };
}
