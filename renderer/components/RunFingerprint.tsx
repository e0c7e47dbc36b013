import { useT } from '../app/i18n.tsx';

/**
 * A stored run's short input hash beside its name, where another stored run has its name but
 * other inputs (messages/run-fingerprint.ts decides which), after a space: nothing otherwise.
 */
export function RunFingerprint({ fingerprint }: { fingerprint: string | undefined }) {
  const t = useT();
  if (fingerprint === undefined) return null;
  return (
    <>
      {' '}
      <span className="run-fingerprint" title={t('runs.fingerprintTitle')} data-testid="run-fingerprint">
        {t('runs.fingerprint', { hash: fingerprint })}
      </span>
    </>
  );
}
