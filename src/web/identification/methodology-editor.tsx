import {
  Alert,
  Button,
  Divider,
  Group,
  List,
  Modal,
  MultiSelect,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { methodologySchema } from '../../modules/identification/methodology.js';
import { ApiError, api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { keys } from './api.js';
import { type FieldErrors, IndicatorsEditor, IntInput, ShareInput } from './methodology-fields.js';
import { fieldLabel } from './methodology-labels.js';
import type { Methodology, MethodologyVersion } from './types.js';

const GRADES = Array.from({ length: 11 }, (_, i) => String(i + 1));

/** «Создать версию на основе…»: edits a copy of a version's document; the server validates it. */
export function MethodologyEditor({ base, onClose }: { base: MethodologyVersion; onClose: () => void }) {
  const qc = useQueryClient();
  const [doc, setDoc] = useState<Methodology>(() => structuredClone(base.document));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<{ message: string; rest: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Methodology>) => setDoc((d) => ({ ...d, ...patch }));
  const num = (path: string, value: number, onChange: (v: number) => void) => ({
    path,
    value,
    onChange,
    errors,
  });

  // The window is a pair of years; the client reads the pair as an array.
  const [from = 0, to = 0] = doc.repeatWindow;

  /** Field errors by the document's paths, from the schema here or from the server alike. */
  function showFields(fields: { field: string; message: string }[]) {
    const map: FieldErrors = {};
    for (const f of fields) {
      const path = f.field.replace(/^document\./, '');
      map[path === 'repeatWindow' ? 'repeatWindow.1' : path] ??= f.message;
    }
    setErrors(map);
    // The message names the field by its path («repeatWindow: …»): the title says it in words,
    // the list below names each field by its label.
    setFailure({
      message: 'Версия не сохранена: исправьте отмеченные поля',
      rest: fields.map((f) => `${fieldLabel(f.field.replace(/^document\./, ''))}: ${f.message}`),
    });
  }

  async function save() {
    setErrors({});
    setFailure(null);
    // The same schema the server checks a methodology document with (modules/identification/methodology.ts).
    const checked = methodologySchema.safeParse(doc);
    if (!checked.success) {
      return showFields(checked.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
    }
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/methodologies', { body: { basedOnId: base.id, name: doc.name, document: doc } }),
      );
      notifyOk('Создана новая версия методики (черновик)');
      await qc.invalidateQueries({ queryKey: keys.methodologies });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fields.length > 0) showFields(e.fields);
      else if (e instanceof ApiError && e.status === 400) setFailure({ message: e.message, rest: [] });
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  const lr = doc.lowResults;
  const cr = doc.clusterRelative;
  const ob = doc.objectivity;
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={`Новая версия на основе «${base.name}», версия ${base.version}`}
    >
      <Stack gap="sm">
        <TextInput
          label={fieldLabel('name')}
          value={doc.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={errors.name}
          data-testid="m-name"
        />
        <Textarea
          label={fieldLabel('description')}
          value={doc.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          autosize
          minRows={2}
          error={errors.description}
          description="Описание не меняется вместе с параметрами: если вы изменили пороги, поправьте и его."
        />
        <Divider label="Процедуры" labelPosition="left" />
        <SimpleGrid cols={2} style={{ alignItems: 'end' }}>
          <TagsInput
            label={fieldLabel('assessments')}
            placeholder="пусто — все (ВПР, ОГЭ, ЕГЭ…)"
            value={doc.assessments ?? []}
            onChange={(v) => set({ assessments: v.length ? v : null })}
            error={errors.assessments}
          />
          <MultiSelect
            label={fieldLabel('grades')}
            placeholder="пусто — все"
            data={GRADES}
            value={(doc.grades ?? []).map(String)}
            onChange={(v) => set({ grades: v.length ? v.map(Number).sort((a, b) => a - b) : null })}
            error={errors.grades}
          />
          <IntInput
            {...num('minParticipants', doc.minParticipants, (v) => set({ minParticipants: v }))}
            min={1}
          />
          <ShareInput
            {...num('lowShareThreshold', doc.lowShareThreshold, (v) => set({ lowShareThreshold: v }))}
          />
        </SimpleGrid>
        <Divider label="ШНОР" labelPosition="left" />
        <Switch
          label={fieldLabel('lowResults.enabled')}
          checked={lr.enabled}
          onChange={(e) => set({ lowResults: { ...lr, enabled: e.currentTarget.checked } })}
          error={errors['lowResults.enabled']}
        />
        <SimpleGrid cols={2} style={{ alignItems: 'end' }}>
          <IntInput
            {...num('lowResults.minLowProcedures', lr.minLowProcedures, (v) =>
              set({ lowResults: { ...lr, minLowProcedures: v } }),
            )}
          />
          <IntInput
            {...num('lowResults.minRepeatedLowProcedures', lr.minRepeatedLowProcedures, (v) =>
              set({ lowResults: { ...lr, minRepeatedLowProcedures: v } }),
            )}
          />
        </SimpleGrid>
        <Switch
          label={fieldLabel('clusterRelative.enabled')}
          checked={cr.enabled}
          onChange={(e) => set({ clusterRelative: { ...cr, enabled: e.currentTarget.checked } })}
        />
        <SimpleGrid cols={2} style={{ alignItems: 'end' }}>
          <ShareInput
            {...num('clusterRelative.bottomShare', cr.bottomShare, (v) =>
              set({ clusterRelative: { ...cr, bottomShare: v } }),
            )}
          />
          <IntInput
            {...num('clusterRelative.consecutiveYears', cr.consecutiveYears, (v) =>
              set({ clusterRelative: { ...cr, consecutiveYears: v } }),
            )}
            min={1}
          />
        </SimpleGrid>
        <Divider label="Зона риска" labelPosition="left" />
        <SimpleGrid cols={3} style={{ alignItems: 'end' }}>
          <ShareInput
            {...num('riskShareThreshold', doc.riskShareThreshold, (v) => set({ riskShareThreshold: v }))}
          />
          <IntInput
            {...num('riskMinProcedures', doc.riskMinProcedures, (v) => set({ riskMinProcedures: v }))}
          />
          <IntInput
            {...num('riskMinLowProcedures', doc.riskMinLowProcedures, (v) =>
              set({ riskMinLowProcedures: v }),
            )}
          />
        </SimpleGrid>
        <Divider label="ИСБШ, кластеры, ШНСУ и резильентность" labelPosition="left" />
        <IndicatorsEditor value={doc.indicators} onChange={(v) => set({ indicators: v })} errors={errors} />
        <SimpleGrid cols={2} style={{ alignItems: 'end' }}>
          <ShareInput
            {...num('minIndicatorShare', doc.minIndicatorShare, (v) => set({ minIndicatorShare: v }))}
          />
          <IntInput {...num('clusters', doc.clusters, (v) => set({ clusters: v }))} min={1} />
          <ShareInput {...num('shnsuPercentile', doc.shnsuPercentile, (v) => set({ shnsuPercentile: v }))} />
          <ShareInput
            {...num('resilientPercentile', doc.resilientPercentile, (v) => set({ resilientPercentile: v }))}
          />
        </SimpleGrid>
        <Divider label="Динамика и необъективность" labelPosition="left" />
        <SimpleGrid cols={3} style={{ alignItems: 'end' }}>
          <IntInput
            {...num('stagnationYears', doc.stagnationYears, (v) => set({ stagnationYears: v }))}
            min={2}
          />
          <IntInput {...num('repeatWindow.0', from, (v) => set({ repeatWindow: [v, to] }))} min={2} />
          <IntInput {...num('repeatWindow.1', to, (v) => set({ repeatWindow: [from, v] }))} min={2} />
          <TextInput
            label={fieldLabel('objectivity.assessment')}
            value={ob.assessment}
            onChange={(e) => set({ objectivity: { ...ob, assessment: e.currentTarget.value } })}
            error={errors['objectivity.assessment']}
          />
          <IntInput
            {...num('objectivity.minParticipants', ob.minParticipants, (v) =>
              set({ objectivity: { ...ob, minParticipants: v } }),
            )}
            min={1}
          />
          <ShareInput
            {...num('objectivity.raisedShare', ob.raisedShare, (v) =>
              set({ objectivity: { ...ob, raisedShare: v } }),
            )}
          />
          <ShareInput
            {...num('objectivity.loweredShare', ob.loweredShare, (v) =>
              set({ objectivity: { ...ob, loweredShare: v } }),
            )}
          />
        </SimpleGrid>
        {failure && (
          <Alert color="red" title={failure.message} data-testid="methodology-errors">
            <List size="sm">
              {failure.rest.map((r) => (
                <List.Item key={r}>{r}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button onClick={save} loading={busy} data-testid="methodology-save">
            Сохранить черновик
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
