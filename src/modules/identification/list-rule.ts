export type Decision = 'include' | 'exclude';

/**
 * THE rule of the list: the schools its run flags for the list's kind (`LIST_KIND_FLAG`: ШНОР for a ШНОР
 * list), plus the schools the operator included, minus the schools he excluded. Everything that needs «the approved ШНОР of a year» (the lists, their views and
 * exports, and past years in a run via `approvedShnorOfYear`) must use it.
 */
export function includedSchools(
  computed: Set<string>,
  decisions: { schoolId: string; decision: Decision }[],
): Set<string> {
  const out = new Set(computed);
  for (const d of decisions) {
    if (d.decision === 'include') out.add(d.schoolId);
    else out.delete(d.schoolId);
  }
  return out;
}
