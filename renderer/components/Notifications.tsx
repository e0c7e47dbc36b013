import { useEffect, useSyncExternalStore } from 'react';
import { dismiss, dismissErrors, notifications } from '../app/notifications.ts';
import { onScreenLeft } from '../app/router.ts';
import { useT } from '../app/i18n.tsx';

/**
 * The notification area: errors as data, shown with their code until dismissed or until the
 * analyst leaves the screen they were raised on (so they never cover the next screen's controls).
 */
export function Notifications() {
  const t = useT();
  const items = useSyncExternalStore(notifications.subscribe, notifications.get);
  useEffect(() => onScreenLeft(dismissErrors), []);
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
