import { useEffectEvent, useLayoutEffect, useRef } from 'react';

/**
 * "Run on every change": once nothing runs, a deal, pool or scenario other than the last run's
 * (`inputsKey` ≠ `lastStartedKey`) starts a run by itself, once per change. A layout effect, so the
 * request leaves before the browser paints the changed choices rather than after.
 */
export function useRunOnChange({
  enabled,
  ready,
  inputsKey,
  lastStartedKey,
  launch,
}: {
  enabled: boolean;
  ready: boolean;
  inputsKey: string;
  lastStartedKey: string | null;
  launch: () => Promise<void>;
}): void {
  // The inputs this hook started a run for: a re-render before the job is known starts nothing twice.
  const started = useRef<string | null>(null);
  const launchNow = useEffectEvent(() => {
    started.current = inputsKey;
    void launch();
  });
  useLayoutEffect(() => {
    if (enabled && ready && inputsKey !== lastStartedKey && started.current !== inputsKey) launchNow();
  }, [enabled, ready, inputsKey, lastStartedKey]);
}
