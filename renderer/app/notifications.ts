import { Store } from './store.ts';

export type NotificationKind = 'error' | 'success' | 'info';

export interface Notification {
  readonly id: number;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly message: string;
  /** Error code or other detail line, shown small. */
  readonly detail?: string;
}

let nextId = 1;

/** The notification area: errors stay until dismissed, the rest fade after a few seconds. */
export const notifications = new Store<readonly Notification[]>([]);

export function notify(kind: NotificationKind, title: string, message: string, detail?: string): number {
  // The same error again (a preview read twice) is the one already shown, not a second toast.
  const shown = notifications.get().find((n) => n.kind === 'error' && kind === 'error' && n.title === title && n.message === message && n.detail === detail);
  if (shown) return shown.id;
  const id = nextId++;
  notifications.set([...notifications.get(), { id, kind, title, message, ...(detail ? { detail } : {}) }]);
  if (kind !== 'error') setTimeout(() => dismiss(id), 6000);
  return id;
}

export function dismiss(id: number): void {
  notifications.set(notifications.get().filter((n) => n.id !== id));
}

/** Closes every error: they belong to the screen the analyst left, and would cover the next screen's controls. */
export function dismissErrors(): void {
  notifications.set(notifications.get().filter((n) => n.kind !== 'error'));
}
