import type { ReactNode } from 'react';

/** One part of the deal in the structure editor: a titled panel the analyst can fold away. */
export function Section({ title, children, actions, testId, closed = false }: { title: string; children: ReactNode; actions?: ReactNode; testId: string; closed?: boolean }) {
  return (
    <details className="editor-section panel" open={!closed} data-testid={testId}>
      <summary>
        <span className="editor-section-title">{title}</span>
        {actions ? <span className="editor-section-actions">{actions}</span> : null}
      </summary>
      {children}
    </details>
  );
}

/** A list of the section's items, or a line saying there are none. */
export function ItemList({ empty, children, count }: { empty: string; children: ReactNode; count: number }) {
  return count === 0 ? <p className="muted small">{empty}</p> : <ol className="editor-items">{children}</ol>;
}
