import {
  ActionIcon,
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { createPracticeInput } from '../../modules/practices/input.js';
import { LEVEL_LABELS } from '../../modules/practices/strings.js';
import { api, unwrap } from '../shared/api.js';
import { check, type FieldErrors, focusFirstError } from '../shared/form-check.js';
import { notifyError, notifyOk, Query } from '../shared/ui.js';
import { PRACTICE_UI as T } from './labels.js';

// A new practice or the edit of a draft / returned one; validated with the route's own schema.

type Figure = { label: string; before: number | null; after: number | null; unit: string };
type Values = {
  authorUnitId: string;
  title: string;
  year: number;
  problem: string;
  actions: string;
  results: string;
  figures: Figure[];
  riskFactors: string[];
  subjects: string[];
  levels: string[];
  contact: string;
};

const thisYear = () => {
  const d = new Date();
  return d.getMonth() >= 8 ? d.getFullYear() : d.getFullYear() - 1;
};

export function PracticeForm() {
  const { id } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const opts = useQuery({
    queryKey: ['practice-options'],
    queryFn: () => unwrap(api.GET('/api/practices/options')),
  });
  const existing = useQuery({
    queryKey: ['practice', id],
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/practices/{id}', { params: { path: { id: id ?? '' } } })),
  });
  const [v, setV] = useState<Values>({
    authorUnitId: '',
    title: '',
    year: thisYear() - 1,
    problem: '',
    actions: '',
    results: '',
    figures: [{ label: '', before: null, after: null, unit: '%' }],
    riskFactors: [],
    subjects: [],
    levels: [],
    contact: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const p = existing.data;
    if (p) setV({ ...p, riskFactors: p.riskFactors.map((f) => f.key), levels: p.levels, figures: p.figures });
  }, [existing.data]);
  useEffect(() => {
    const first = opts.data?.authorUnits[0];
    if (!id && first && !v.authorUnitId) setV((x) => ({ ...x, authorUnitId: first.id }));
  }, [opts.data, id, v.authorUnitId]);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((x) => ({ ...x, [k]: value }));
  const setFigure = (i: number, f: Partial<Figure>) =>
    set(
      'figures',
      v.figures.map((x, j) => (j === i ? { ...x, ...f } : x)),
    );

  const save = async () => {
    const figures = v.figures.filter((f) => f.label.trim());
    const checked = check(createPracticeInput, { ...v, figures });
    if (checked.errors) {
      setErrors(checked.errors);
      focusFirstError();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { authorUnitId, ...fields } = checked.data;
      const p = existing.data
        ? await unwrap(
            api.PATCH('/api/practices/{id}', {
              params: { path: { id: existing.data.id } },
              body: { version: existing.data.version, ...fields },
            }),
          )
        : await unwrap(api.POST('/api/practices', { body: { authorUnitId, ...fields } }));
      notifyOk(T.saved);
      await qc.invalidateQueries({ queryKey: ['practices'] });
      await qc.invalidateQueries({ queryKey: ['practice', p.id] });
      navigate(`/practices/${p.id}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Query q={opts}>
      {(o) => (
        <Stack maw={900}>
          <Title order={2}>{id ? T.edit : T.create}</Title>
          <Alert color="orange" data-testid="privacy-warning">
            {T.privacyWarning}
          </Alert>
          {!id && (
            <Select
              label={T.author}
              data={o.authorUnits.map((u) => ({ value: u.id, label: u.name }))}
              value={v.authorUnitId}
              onChange={(x) => set('authorUnitId', x ?? '')}
              error={errors.authorUnitId}
            />
          )}
          <TextInput
            label={T.title}
            value={v.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
            required
            data-testid="practice-title"
          />
          <NumberInput
            label={`${T.year} (год начала)`}
            value={v.year}
            onChange={(x) => set('year', Number(x))}
            error={errors.year}
            w={220}
          />
          <MultiSelect
            label={T.riskFactor}
            data={o.riskFactors.map((f) => ({ value: f.key, label: f.title }))}
            value={v.riskFactors}
            onChange={(x) => set('riskFactors', x)}
            searchable
            data-testid="practice-factors"
          />
          <Group grow>
            <MultiSelect
              label={T.subject}
              data={o.subjects}
              value={v.subjects}
              onChange={(x) => set('subjects', x)}
              searchable
            />
            <MultiSelect
              label={T.level}
              data={Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
              value={v.levels}
              onChange={(x) => set('levels', x)}
            />
          </Group>
          <Textarea
            label={T.problem}
            autosize
            minRows={2}
            value={v.problem}
            onChange={(e) => set('problem', e.currentTarget.value)}
            error={errors.problem}
            data-testid="practice-problem"
          />
          <Textarea
            label={T.actions}
            autosize
            minRows={3}
            value={v.actions}
            onChange={(e) => set('actions', e.currentTarget.value)}
            error={errors.actions}
            data-testid="practice-actions"
          />
          <Textarea
            label={T.results}
            autosize
            minRows={2}
            value={v.results}
            onChange={(e) => set('results', e.currentTarget.value)}
            error={errors.results}
            data-testid="practice-results"
          />
          <Text fw={500} size="sm">
            {T.figures}
          </Text>
          {v.figures.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: figures have no id; their order is their identity
            <Group key={i} align="end" data-testid="practice-figure">
              <TextInput
                label={T.figureLabel}
                value={f.label}
                onChange={(e) => setFigure(i, { label: e.currentTarget.value })}
                w={380}
              />
              <NumberInput
                label={T.before}
                value={f.before ?? ''}
                onChange={(x) => setFigure(i, { before: x === '' ? null : Number(x) })}
                w={100}
                decimalSeparator=","
              />
              <NumberInput
                label={T.after}
                value={f.after ?? ''}
                onChange={(x) => setFigure(i, { after: x === '' ? null : Number(x) })}
                w={100}
                decimalSeparator=","
              />
              <TextInput
                label={T.unit}
                value={f.unit}
                onChange={(e) => setFigure(i, { unit: e.currentTarget.value })}
                w={80}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mb={4}
                aria-label="Убрать показатель"
                onClick={() =>
                  set(
                    'figures',
                    v.figures.filter((_, j) => j !== i),
                  )
                }
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            w="fit-content"
            onClick={() => set('figures', [...v.figures, { label: '', before: null, after: null, unit: '' }])}
          >
            {T.addFigure}
          </Button>
          <TextInput
            label={T.contact}
            description={T.contactHint}
            value={v.contact}
            onChange={(e) => set('contact', e.currentTarget.value)}
            error={errors.contact}
          />
          <Group>
            <Button onClick={save} loading={busy} data-testid="practice-save">
              {T.save}
            </Button>
          </Group>
        </Stack>
      )}
    </Query>
  );
}
