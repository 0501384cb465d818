// The append.at rule: a delta applies only when the current text has exactly `at` UTF-16 units.

export function canAppend(currentLength: number, at: number): boolean {
  return currentLength === at;
}

/** The new text, or null when the delta does not fit (it must then be dropped). */
export function appendAt(current: string, d: string, at: number): string | null {
  return canAppend(current.length, at) ? current + d : null;
}
