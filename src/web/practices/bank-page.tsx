import { Alert, Anchor, Button, Group, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LEVEL_LABELS, PRACTICE_STATUS_LABELS } from '../../modules/practices/strings.js';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { Query } from '../shared/ui.js';
import { PRACTICE_UI as T } from './labels.js';
import { PracticeTable } from './practice-table.js';
import { ResilientAuthors } from './resilient-authors.js';
import { SimilarSchools } from './similar-schools.js';

// The bank (issue 15 §2): published practices of the region, the actor's own and those waiting for his
// review, with filters; «Похожие школы» when `?similar=<schoolId>`; the resilient hint and the reviewers'
// list of resilient schools to invite.

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export function BankPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const similar = params.get('similar');
  const [riskFactor, setRiskFactor] = useState<string | null>(null);
  const [subject, setSubject] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [municipalityId, setMunicipalityId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [mine, setMine] = useState(false);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const opts = useQuery({
    queryKey: ['practice-options'],
    queryFn: () => unwrap(api.GET('/api/practices/options')),
  });
  const query = {
    riskFactor: riskFactor ?? undefined,
    subject: subject ?? undefined,
    level: (level ?? undefined) as 'primary' | undefined,
    municipalityId: municipalityId ?? undefined,
    status: (status ?? undefined) as 'published' | undefined,
    mine: mine ? ('true' as const) : undefined,
    q: q || undefined,
  };
  const list = useQuery({
    queryKey: ['practices', query],
    queryFn: () => unwrap(api.GET('/api/practices', { params: { query } })),
  });
  const ownSchool = me.assignments.find((a) => a.role === 'school_team' && a.unitKind === 'school');
  const filtered = Object.values(query).some((v) => v !== undefined);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{T.bank}</Title>
        <Group>
          {ownSchool && !similar && (
            <Button
              variant="light"
              onClick={() => setParams({ similar: ownSchool.orgUnitId })}
              data-testid="similar-open"
            >
              {T.similarOpen}
            </Button>
          )}
          {(opts.data?.authorUnits.length ?? 0) > 0 && (
            <Button component={Link} to="/practices/new" data-testid="practice-create">
              {T.create}
            </Button>
          )}
        </Group>
      </Group>
      {opts.data?.resilientHint && (
        <Alert color="teal" data-testid="resilient-hint">
          {T.resilientHint}
        </Alert>
      )}
      {similar && <SimilarSchools schoolId={similar} onClose={() => setParams({})} />}
      {me.capabilities.practices === 'review' && <ResilientAuthors />}
      <Group align="end">
        <TextInput
          label={T.search}
          placeholder={T.searchHint}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={280}
          data-testid="practice-search"
        />
        <Select
          label={T.riskFactor}
          data={(opts.data?.riskFactors ?? []).map((f) => ({ value: f.key, label: f.title }))}
          value={riskFactor}
          onChange={setRiskFactor}
          clearable
          searchable
          w={300}
        />
        <Select
          label={T.subject}
          data={opts.data?.subjects ?? []}
          value={subject}
          onChange={setSubject}
          clearable
          w={200}
        />
        <Select
          label={T.level}
          data={options(LEVEL_LABELS)}
          value={level}
          onChange={setLevel}
          clearable
          w={110}
        />
        <Select
          label={T.municipality}
          data={(opts.data?.municipalities ?? []).map((m) => ({ value: m.id, label: m.name }))}
          value={municipalityId}
          onChange={setMunicipalityId}
          clearable
          searchable
          w={240}
        />
        <Select
          label={T.status}
          data={options(PRACTICE_STATUS_LABELS)}
          value={status}
          onChange={setStatus}
          clearable
          w={220}
          data-testid="practice-status-filter"
        />
        {(opts.data?.authorUnits.length ?? 0) > 0 && (
          <Switch label={T.mine} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} mb={8} />
        )}
      </Group>
      <Query q={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">{filtered ? T.emptyFiltered : T.empty}.</Text>
          ) : (
            <PracticeTable rows={rows} testId="practices" />
          )
        }
      </Query>
      <Text size="xs" c="dimmed">
        Опубликованные практики видны и на <Anchor href="/public">открытых страницах</Anchor> без входа.
      </Text>
    </Stack>
  );
}
