import { describe, expect, it } from 'vitest';
import { dismissErrors, notifications, notify } from '../../renderer/app/notifications.ts';

describe('the notification store', () => {
  it('shows the same error once, and closes the errors (only) when the analyst leaves the screen', () => {
    notifications.set([]);
    const first = notify('error', 'Cannot read the tape', 'fake.csv is not a loan tape', 'BAD_FILE');
    // The preview read twice gives the same failure: one toast.
    expect(notify('error', 'Cannot read the tape', 'fake.csv is not a loan tape', 'BAD_FILE')).toBe(first);
    notify('error', 'Cannot read the tape', 'other.csv is not a loan tape', 'BAD_FILE');
    notify('success', 'Tape imported', 'a: 10 loans');
    expect(notifications.get().map((n) => n.kind)).toEqual(['error', 'error', 'success']);
    dismissErrors();
    expect(notifications.get().map((n) => n.title)).toEqual(['Tape imported']);
    notifications.set([]);
  });
});
