import { useSyncExternalStore } from 'react';
import { dismiss, notifications } from '../app/notifications.ts';
import { useT } from '../app/i18n.tsx';

/** The notification area: errors as data, shown with their code until dismissed. */
export function Notifications() {
  const t = useT();
  const items = useSyncExternalStore(notifications.subscribe, notifications.get);
  return (
    <div className="notifications" role="region" aria-label={t('common.notifications')} aria-live="polite">
      {items.map((item) => (
        <div key={item.id} className={`notification notification-${item.kind}`} role={item.kind === 'error' ? 'alert' : 'status'}>
          <div className="notification-body">
            <strong>{item.title}</strong>
            <p>{item.message}</p>
            {item.detail ? <code>{item.detail}</code> : null}
          </div>
          <button type="button" className="icon-button" aria-label={t('common.dismiss')} onClick={() => dismiss(item.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
