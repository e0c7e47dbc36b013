import { EngineError } from '../../engine/index.ts';

/** The EngineError code `run` throws, or undefined when it succeeds (other errors propagate). */
export function engineErrorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error.code;
    throw error;
  }
  return undefined;
}
