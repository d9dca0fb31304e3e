import { Alert, Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { byRussian } from '../../lib/sort.js';
import { currentSchoolYear as currentYear, schoolYearLabel } from '../../modules/organisation/school-year.js';
import { api, apiHref, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { formatDate } from '../shared/ui.js';

export { AGREEMENT_KIND_LABELS, CASELOAD_LIMIT } from '../../modules/organisation/people/strings.js';

// What the people tabs share: the school year and municipality in the address (a «Пробелы» row links
// here with `?school=`), the units the user sees for the selects, who may appoint, an order's label.

export function usePeopleParams() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || currentYear();
  const municipalityId = params.get('municipality') ?? undefined;
  const school = params.get('school') ?? undefined;
  const set = (k: string, v: string | null) => {
    const next = Object.fromEntries(params);
    if (v) next[k] = v;
    else delete next[k];
    setParams(next, { replace: true });
  };
  return { year, municipalityId, school, set };
}

/** The units the user sees (the region sees all of its own). */
export function useUnits() {
  return useQuery({
    queryKey: ['org-units'],
    queryFn: () => unwrap(api.GET('/api/org-units')),
    staleTime: 60_000,
  });
}

/** The region's operator and municipal coordinators appoint; the others only read. */
export function useCanOrganise() {
  const me = useMe();
  return {
    region: me.assignments.some((a) => a.role === 'regional_operator'),
    any: me.assignments.some((a) => a.role === 'regional_operator' || a.role === 'municipal_coordinator'),
  };
}

export function YearAndMunicipality() {
  const p = usePeopleParams();
  const units = useUnits();
  const municipalities = (units.data ?? [])
    .filter((u) => u.kind === 'municipality')
    .sort(byRussian((u) => u.name))
    .map((u) => ({ value: u.id, label: u.name }));
  const now = currentYear();
  const years = [now + 1, now, now - 1, now - 2].map((y) => ({
    value: String(y),
    label: schoolYearLabel(y),
  }));
  return (
    <Group>
      <Select
        label="Учебный год"
        data={years}
        value={String(p.year)}
        onChange={(v) => p.set('year', v)}
        allowDeselect={false}
        w={200}
        data-testid="people-year"
      />
      {municipalities.length > 1 && (
        <Select
          label="Муниципалитет"
          placeholder="Все муниципалитеты"
          data={municipalities}
          value={p.municipalityId ?? null}
          onChange={(v) => p.set('municipality', v)}
          clearable
          searchable
          w={320}
          data-testid="people-municipality"
        />
      )}
    </Group>
  );
}

export type OrderRef = { id: string; number: string; date: string; hasFile: boolean } | null;

/** «№ 1047-р от 04.09.2026», with the file's link when attached. */
export function OrderLabel({ order }: { order: OrderRef }) {
  if (!order) return '—';
  const text = `№ ${order.number} от ${formatDate(order.date)}`;
  return order.hasFile ? (
    <a href={apiHref('/api/organisation-orders/{id}/file', { path: { id: order.id } })}>{text}</a>
  ) : (
    text
  );
}

/** Today, for the order date a form starts with. */
export { currentSchoolYear as currentYear, todayIso } from '../../modules/organisation/school-year.js';

/** The warnings an appointment came back with (caseload, a mentor on a list): shown until closed. */
export function AppointmentWarnings(p: { warnings: string[]; onClose: () => void; testId: string }) {
  if (p.warnings.length === 0) return null;
  return (
    <Alert color="yellow" withCloseButton onClose={p.onClose} data-testid={p.testId}>
      {p.warnings.map((w) => (
        <div key={w}>{w}</div>
      ))}
    </Alert>
  );
}
