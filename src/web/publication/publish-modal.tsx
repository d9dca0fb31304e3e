import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PublicationKind } from '../../db/schema/values.js';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { KIND_LABELS, TEXT } from './labels.js';

export type PublishTarget = {
  kind: PublicationKind;
  objectId: string;
  title: string;
  objectVersion: number | null;
};

/** The request of each kind: the roadmap's and the list's options, the document's version. */
function send(t: PublishTarget, o: { showExecution: boolean; schoolNames: boolean }) {
  const path = { params: { path: { id: t.objectId } } };
  switch (t.kind) {
    case 'roadmap':
      return api.POST('/api/publications/roadmaps/{id}', {
        ...path,
        body: { showExecution: o.showExecution },
      });
    case 'school_document':
      return api.POST('/api/publications/school-documents/{id}', {
        ...path,
        body: { version: t.objectVersion ?? 0 },
      });
    case 'analytic_report':
      return api.POST('/api/publications/reports/{id}', { ...path, body: {} });
    case 'identification_list':
      return api.POST('/api/publications/lists/{id}', { ...path, body: { schoolNames: o.schoolNames } });
  }
}

/** The publish dialog: what is published, and the options of the kind. */
export function PublishModal({ target, onClose }: { target: PublishTarget; onClose: () => void }) {
  const qc = useQueryClient();
  const [showExecution, setShowExecution] = useState(true);
  const [schoolNames, setSchoolNames] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await unwrap(send(target, { showExecution, schoolNames }));
      notifyOk(TEXT.done);
      await qc.invalidateQueries({ queryKey: ['publications'] });
      onClose();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={TEXT.publish} size="lg">
      <Stack data-testid="publish-form">
        <Text>
          {KIND_LABELS[target.kind]}: <b>{target.title}</b>
        </Text>
        <Text size="sm" c="dimmed">
          {TEXT.intro}
        </Text>
        {target.kind === 'roadmap' && (
          <Checkbox
            label={TEXT.showExecution}
            description={TEXT.showExecutionHint}
            checked={showExecution}
            onChange={(e) => setShowExecution(e.currentTarget.checked)}
            data-testid="publish-show-execution"
          />
        )}
        {target.kind === 'identification_list' && (
          <>
            <Checkbox
              label={TEXT.schoolNames}
              checked={schoolNames}
              onChange={(e) => setSchoolNames(e.currentTarget.checked)}
              data-testid="publish-school-names"
            />
            <Alert color="orange" data-testid="publish-school-names-warning">
              {TEXT.schoolNamesWarning}
            </Alert>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {TEXT.cancel}
          </Button>
          <Button onClick={submit} loading={busy} data-testid="publish-submit">
            {TEXT.publish}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
