/**
 * A sweep panel's Run button, and Cancel beside it while its job runs. Run stays disabled while a
 * job runs or is being started, and while the panel's inputs cannot make a request.
 */
export function SweepRunButtons({
  runLabel,
  cancelLabel,
  canRun,
  running,
  onRun,
  onCancel,
}: {
  runLabel: string;
  cancelLabel: string;
  canRun: boolean;
  running: boolean;
  onRun: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="button-row run-buttons">
      <button type="button" onClick={onRun} disabled={!canRun || running}>
        {runLabel}
      </button>
      {running ? (
        <button type="button" className="secondary" onClick={onCancel}>
          {cancelLabel}
        </button>
      ) : null}
    </div>
  );
}
