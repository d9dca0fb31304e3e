import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type FormSection, formSchema, type MonitoringForm } from '../../modules/monitoring/form.js';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { FieldEditor, move, newId } from './field-editor.js';
import { FormFields } from './form-fields.js';
import { M } from './strings.js';

// The form builder of a draft monitoring: sections and fields added, moved and removed, each field's kind,
// label, hint, bounds and options; a preview as the participant will see it. Saved whole (PATCH with the
// version); the same Zod definition checks it here and on the server.

export function FormBuilder(props: { monitoringId: string; version: number; form: MonitoringForm }) {
  const qc = useQueryClient();
  const [form, setForm] = useState<MonitoringForm>(props.form);
  const [preview, setPreview] = useState(false);
  const parsed = formSchema.safeParse(form);
  const problem = parsed.success ? null : parsed.error.issues[0]?.message;
  const setSection = (i: number, s: FormSection) =>
    setForm({ sections: form.sections.map((x, k) => (k === i ? s : x)) });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/monitorings/{id}', {
          params: { path: { id: props.monitoringId } },
          body: { version: props.version, form },
        }),
      ),
    onSuccess: (data) => {
      notifyOk(M.formSaved);
      qc.setQueryData(['monitoring', props.monitoringId], data);
    },
    onError: notifyError,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>{preview ? M.preview : M.builder}</Title>
        <Group>
          <Button variant="default" onClick={() => setPreview(!preview)} data-testid="builder-preview">
            {preview ? 'Вернуться к конструктору' : 'Предпросмотр'}
          </Button>
          <Button
            onClick={() => save.mutate()}
            disabled={!parsed.success}
            loading={save.isPending}
            data-testid="builder-save"
          >
            {M.saveForm}
          </Button>
        </Group>
      </Group>
      {problem && (
        <Text c="red" size="sm">
          {problem}
        </Text>
      )}
      {preview ? (
        <FormFields form={form} values={{}} errors={{}} readOnly={false} onChange={() => {}} />
      ) : (
        <>
          {form.sections.map((s, si) => (
            <Paper key={s.id} withBorder p="md" data-testid="builder-section">
              <Stack>
                <Group align="flex-end" wrap="nowrap">
                  <TextInput
                    label={`Раздел ${si + 1}`}
                    value={s.title}
                    onChange={(e) => setSection(si, { ...s, title: e.currentTarget.value })}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    aria-label="Раздел выше"
                    onClick={() => setForm({ sections: move(form.sections, si, -1) })}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label="Раздел ниже"
                    onClick={() => setForm({ sections: move(form.sections, si, 1) })}
                  >
                    ↓
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label="Удалить раздел"
                    onClick={() => setForm({ sections: form.sections.filter((_, k) => k !== si) })}
                  >
                    ×
                  </ActionIcon>
                </Group>
                {s.fields.map((f, fi) => (
                  <FieldEditor
                    key={f.id}
                    field={f}
                    set={(nf) =>
                      setSection(si, { ...s, fields: s.fields.map((x, k) => (k === fi ? nf : x)) })
                    }
                    remove={() => setSection(si, { ...s, fields: s.fields.filter((_, k) => k !== fi) })}
                    up={() => setSection(si, { ...s, fields: move(s.fields, fi, -1) })}
                    down={() => setSection(si, { ...s, fields: move(s.fields, fi, 1) })}
                  />
                ))}
                <Group>
                  <Button
                    size="xs"
                    variant="light"
                    data-testid="builder-add-field"
                    onClick={() =>
                      setSection(si, {
                        ...s,
                        fields: [
                          ...s.fields,
                          { id: newId('f'), kind: 'number', label: 'Новый вопрос', required: false },
                        ],
                      })
                    }
                  >
                    Добавить поле
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ))}
          <Group>
            <Button
              variant="light"
              data-testid="builder-add-section"
              onClick={() =>
                setForm({
                  sections: [...form.sections, { id: newId('s'), title: 'Новый раздел', fields: [] }],
                })
              }
            >
              Добавить раздел
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
