/** A headline figure: label, value with its unit, and a note saying what it is. */
export function Card({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
  return (
    <div className="card" data-testid={testId}>
      <div className="card-label">{label}</div>
      <div className="card-value">{value}</div>
      {note ? <div className="card-note">{note}</div> : null}
    </div>
  );
}
