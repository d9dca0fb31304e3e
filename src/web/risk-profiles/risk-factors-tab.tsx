import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import { formatDateTime, notifyError, notifyOk, Query } from '../shared/ui.js';
import { type RiskFactors, riskFetchers, riskKeys } from './api.js';

// «Факторы риска» of the region for a year: the system's list until the region changes it for that year.
// Names and descriptions can always change; a factor used by a frozen instrument of the year's campaigns
// cannot be removed (the server says so too).

type Factor = RiskFactors['factors'][number];

export function RiskFactorsTab({ canEdit }: { canEdit: boolean }) {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const q = useQuery({ queryKey: riskKeys.factors(year), queryFn: () => riskFetchers.factors(year) });
  const [editing, setEditing] = useState<Factor[] | null>(null);
  const years = [thisYear - 1, thisYear, thisYear + 1].map(String);
  return (
    <Stack>
      <Group>
        <Select
          label="Год"
          data={years}
          value={String(year)}
          onChange={(v) => {
            if (!v) return;
            setYear(Number(v));
            setEditing(null);
          }}
          w={120}
          allowDeselect={false}
        />
      </Group>
      <Query q={q}>
        {(data) =>
          editing ? (
            <FactorsEditor
              data={data}
              factors={editing}
              onChange={setEditing}
              onDone={() => setEditing(null)}
            />
          ) : (
            <Stack>
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {data.own
                    ? `Список региона на ${data.year} год, изменён ${formatDateTime(data.updatedAt)}`
                    : `У региона нет своего списка на ${data.year} год: действует список системы.`}
                </Text>
                {canEdit && (
                  <Button
                    size="xs"
                    onClick={() => setEditing(structuredClone(data.factors))}
                    data-testid="edit-factors"
                  >
                    Изменить для {data.year} года
                  </Button>
                )}
              </Group>
              <Table withTableBorder verticalSpacing="xs" data-testid="risk-factors">
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th w={60}>Код</Table.Th>
                    <Table.Th>Фактор</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.factors.map((f) => (
                    <Table.Tr key={f.code}>
                      <Table.Td>{f.code}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {f.name}
                        </Text>
                        {f.description && (
                          <Text size="xs" c="dimmed">
                            {f.description}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )
        }
      </Query>
    </Stack>
  );
}

function FactorsEditor(props: {
  data: RiskFactors;
  factors: Factor[];
  onChange: (f: Factor[]) => void;
  onDone: () => void;
}) {
  const { data, factors, onChange } = props;
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const locked = new Set(data.lockedCodes);
  const set = (i: number, patch: Partial<Factor>) =>
    onChange(factors.map((f, k) => (k === i ? { ...f, ...patch } : f)));
  const nextCode = () => {
    const numbers = factors.map((f) => Number(f.code)).filter(Number.isInteger);
    return String(numbers.length ? Math.max(...numbers) + 1 : factors.length + 1);
  };

  async function save() {
    setBusy(true);
    try {
      await unwrap(
        api.PUT('/api/risk-factors', { body: { year: data.year, version: data.version, factors } }),
      );
      await qc.invalidateQueries({ queryKey: riskKeys.factors(data.year) });
      notifyOk(`Факторы риска на ${data.year} год сохранены`);
      props.onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      {!data.own && (
        <Alert color="blue" variant="light">
          Список системы будет скопирован в список региона на {data.year} год с вашими изменениями.
        </Alert>
      )}
      {factors.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the code being edited is the only other key, and it changes as one types
        <Group key={`${i}-${f.code}`} align="flex-start" wrap="nowrap" data-testid={`factor-row-${f.code}`}>
          <TextInput
            label={i === 0 ? 'Код' : undefined}
            value={f.code}
            onChange={(e) => set(i, { code: e.currentTarget.value })}
            w={70}
            disabled={locked.has(f.code)}
          />
          <Stack gap={4} style={{ flex: 1 }}>
            <TextInput
              label={i === 0 ? 'Название' : undefined}
              value={f.name}
              onChange={(e) => set(i, { name: e.currentTarget.value })}
            />
            <Textarea
              placeholder="Описание"
              autosize
              minRows={1}
              value={f.description}
              onChange={(e) => set(i, { description: e.currentTarget.value })}
            />
          </Stack>
          {locked.has(f.code) ? (
            <Badge
              variant="light"
              color="gray"
              mt={i === 0 ? 28 : 6}
              title="Используется замороженными анкетами кампаний этого года"
            >
              в кампаниях
            </Badge>
          ) : (
            <ActionIcon
              variant="subtle"
              color="red"
              mt={i === 0 ? 28 : 4}
              aria-label={`Убрать фактор ${f.code}`}
              onClick={() => onChange(factors.filter((_, k) => k !== i))}
            >
              ✕
            </ActionIcon>
          )}
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() => onChange([...factors, { code: nextCode(), name: '', description: '' }])}
        >
          Добавить фактор
        </Button>
      </Group>
      <Group>
        <Button onClick={save} loading={busy} data-testid="save-factors">
          Сохранить
        </Button>
        <Button variant="default" onClick={props.onDone}>
          Отмена
        </Button>
      </Group>
    </Stack>
  );
}
