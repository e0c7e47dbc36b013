import { z } from 'zod';
import type { Method, RequestOf } from './contract.ts';

/** Boundary validation of every request: nothing reaches a handler unchecked. */
const noParams = z.strictObject({});

export const REQUEST_SCHEMAS: { readonly [M in Method]: z.ZodType<RequestOf<M>> } = {
  'app.version': noParams,
  'workspace.info': noParams,
  'workspace.open': z.strictObject({
    path: z.string().trim().min(1, 'a workspace path is required').max(4096),
    create: z.boolean().optional(),
  }),
};

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(REQUEST_SCHEMAS, name);
}
