// Forms check their values with the route's own request schema (src/modules/*/schemas.ts) before sending:
// the same rules and the same Russian messages as the server, shown under each field.
import type { z } from 'zod';
import '../../lib/zod-ru.js';

export type FieldErrors = Record<string, string>;

export type Checked<T> = { data: T; errors: null } | { data: null; errors: FieldErrors };

/** The parsed body, or the first message of each field (`path[0]`; the whole form under ''). */
export function check<S extends z.ZodType>(schema: S, values: unknown): Checked<z.output<S>> {
  const r = schema.safeParse(values);
  if (r.success) return { data: r.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : '';
    errors[field] ??= issue.message;
  }
  return { data: null, errors };
}

/**
 * Brings the first field with an error into view once React has shown the messages: in a long form
 * the field at fault is often scrolled out of sight.
 */
export function focusFirstError(): void {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.scrollIntoView({ block: 'center' });
    field?.focus({ preventScroll: true });
  });
}
