import type { Method, RequestOf, ResponseOf } from '../contract.ts';
import type { Service } from '../service.ts';
import { appVersion } from './app.ts';
import { workspaceInfo, workspaceOpen } from './workspace.ts';

export type Handler<M extends Method> = (params: RequestOf<M>, service: Service) => ResponseOf<M> | Promise<ResponseOf<M>>;

/** One handler per API call; the mapped type makes a missing or mistyped handler a compile error. */
export const HANDLERS: { readonly [M in Method]: Handler<M> } = {
  'app.version': appVersion,
  'workspace.open': workspaceOpen,
  'workspace.info': workspaceInfo,
};
