// Public surface of the calculation engine. Pure: no node:*, electron, react or sqlite.
export * from './dates.ts';
export * from './daycount.ts';
export * from './errors.ts';
export * from './schedule/index.ts';
export * from './passthrough.ts';
export * from './curves/index.ts';
export * from './project/index.ts';
export * from './analytics/index.ts';
export * from './deal/index.ts';
export * from './rounding.ts';
export * from './fit/index.ts';
export * from './mc/index.ts';
export * from './schedule-pool/index.ts';
export * from './calendar/index.ts';
export * from './messages.ts';
