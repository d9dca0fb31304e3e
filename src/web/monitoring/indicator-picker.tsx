import { MultiSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../shared/api.js';

// The indicators of a monitoring of indicators: the catalogue's and the region's own active ones, as the
// page «Показатели» lists them for the owner.
export function IndicatorPicker({
  ownerUnitId,
  value,
  onChange,
  error,
}: {
  ownerUnitId: string;
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string;
}) {
  const q = useQuery({
    queryKey: ['indicators', ownerUnitId],
    queryFn: () => unwrap(api.GET('/api/indicators', { params: { query: { unitId: ownerUnitId } } })),
    enabled: ownerUnitId !== '',
  });
  const data = (q.data?.rows ?? [])
    .filter((r) => r.indicator.own?.active !== false)
    .map((r) => ({ value: r.indicator.code, label: r.indicator.title }));
  return (
    <MultiSelect
      label="Показатели"
      placeholder={q.isLoading ? 'Загрузка…' : 'Выберите показатели'}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      error={error}
      data-testid="create-indicators"
    />
  );
}
