import { Alert } from '@mantine/core';
import { Route, Routes } from 'react-router';
import { useMe } from '../shared/auth.js';
import { AggregatesPage } from './aggregates-page.js';
import { PupilCardPage } from './pupil-card.js';
import { RegistryPage } from './registry-page.js';

// /pupils — pupils at risk (issue 14 §2): the school's team keeps the registry, a teacher sees his own
// pupils, the levels above read counts only (the server hides small cells and never sends a name).
export function PupilRoutes() {
  const me = useMe();
  const mode = me.capabilities.pupils;
  const school = me.assignments.find(
    (a) => a.unitKind === 'school' && (a.role === 'school_team' || a.role === 'teacher'),
  );
  return (
    <Routes>
      <Route
        index
        element={
          mode === 'summary' ? (
            <AggregatesPage />
          ) : (mode === 'registry' || mode === 'teacher') && school ? (
            <RegistryPage schoolId={school.orgUnitId} keeps={mode === 'registry'} />
          ) : (
            <Alert color="gray">Раздел недоступен для вашей роли</Alert>
          )
        }
      />
      <Route path=":id" element={<PupilCardPage />} />
    </Routes>
  );
}
