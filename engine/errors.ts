/**
 * Engine failures. Every message lives here (as dinero.js keeps its messages in one place),
 * so callers and tests can match on a stable code rather than on prose.
 */
export const ENGINE_MESSAGES = {
  INVALID_DATE: 'Not a valid calendar date (expected YYYY-MM-DD)',
  DATE_ORDER: 'End date is before start date',
  UNKNOWN_DAY_COUNT: 'Unknown day-count convention',
} as const;

export type EngineErrorCode = keyof typeof ENGINE_MESSAGES;

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: EngineErrorCode, details: Record<string, unknown> = {}) {
    super(ENGINE_MESSAGES[code]);
    this.name = 'EngineError';
    this.code = code;
    this.details = details;
  }
}

export function assert(condition: unknown, code: EngineErrorCode, details?: Record<string, unknown>): asserts condition {
  if (!condition) throw new EngineError(code, details);
}
