import { Button, Group, MultiSelect, Paper, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { byRussian } from '../../lib/sort.js';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { PARTICIPANT_MODE_LABELS } from './strings.js';

// Who takes part: the ШНОР of the list in force, all schools, a region's municipalities, or units chosen
// by hand among the schools and municipalities below the owner. Used when a monitoring is created and,
// while it is a draft, on its page.

export type Participants = { mode: keyof typeof PARTICIPANT_MODE_LABELS; unitIds: string[] };

export function ParticipantsPicker(props: {
  ownerUnitId: string;
  ownerKind: string | undefined;
  value: Participants;
  onChange: (v: Participants) => void;
  error?: string;
}) {
  const { value, onChange } = props;
  const units = useQuery({
    queryKey: ['org-units'],
    queryFn: () => unwrap(api.GET('/api/org-units')),
    enabled: value.mode === 'units',
  });
  const ownerPath = units.data?.find((u) => u.id === props.ownerUnitId)?.path ?? '';
  const choices = (units.data ?? [])
    .filter(
      (u) =>
        (u.kind === 'school' || u.kind === 'municipality') &&
        u.id !== props.ownerUnitId &&
        ownerPath !== '' &&
        u.path.startsWith(ownerPath),
    )
    .map((u) => ({ value: u.id, label: u.shortName ?? u.name }))
    .sort(byRussian((o) => o.label));
  const modes: Participants['mode'][] =
    props.ownerKind === 'region'
      ? ['shnor', 'all_schools', 'municipalities', 'units']
      : ['shnor', 'all_schools', 'units'];
  return (
    <Stack gap={4}>
      <Radio.Group
        label="Участники"
        value={value.mode}
        onChange={(v) => onChange({ ...value, mode: v as Participants['mode'] })}
        data-testid="participants-mode"
      >
        <Group mt={6} gap="lg">
          {modes.map((m) => (
            <Radio key={m} value={m} label={PARTICIPANT_MODE_LABELS[m]} />
          ))}
        </Group>
      </Radio.Group>
      {value.mode === 'units' && (
        <MultiSelect
          data={choices}
          value={value.unitIds}
          onChange={(unitIds) => onChange({ ...value, unitIds })}
          searchable
          placeholder="Начните вводить название школы или муниципалитета"
          data-testid="participants-units"
        />
      )}
      {props.error && (
        <Text size="xs" c="red">
          {props.error}
        </Text>
      )}
    </Stack>
  );
}

/** The draft's participants chosen again (its forms are not started yet, so nothing is lost). */
export function ParticipantsEditor(props: {
  monitoringId: string;
  version: number;
  owner: { id: string; kind: string };
}) {
  const qc = useQueryClient();
  const [value, setValue] = useState<Participants>({ mode: 'shnor', unitIds: [] });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/monitorings/{id}', {
          params: { path: { id: props.monitoringId } },
          body: {
            version: props.version,
            participants: value.mode === 'units' ? value : { mode: value.mode },
          },
        }),
      ),
    onSuccess: (data) => {
      notifyOk('Участники изменены');
      qc.setQueryData(['monitoring', props.monitoringId], data);
    },
    onError: notifyError,
  });
  return (
    <Paper withBorder p="md">
      <Stack>
        <ParticipantsPicker
          ownerUnitId={props.owner.id}
          ownerKind={props.owner.kind}
          value={value}
          onChange={setValue}
        />
        <Group justify="flex-end">
          <Button
            variant="light"
            onClick={() => save.mutate()}
            loading={save.isPending}
            data-testid="participants-save"
          >
            Выбрать участников заново
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
