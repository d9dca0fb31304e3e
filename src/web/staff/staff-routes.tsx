import { Route, Routes } from 'react-router';
import { StaffCardPage } from './card-page.js';
import { MentoringPage } from './mentoring-page.js';
import { RegistryPage } from './registry-page.js';

// «Педагоги» (issue 14 §1): the registry, a teacher's card, mentoring «учитель–учитель».
export function StaffRoutes() {
  return (
    <Routes>
      <Route index element={<RegistryPage />} />
      <Route path="mentoring" element={<MentoringPage />} />
      <Route path=":id" element={<StaffCardPage />} />
    </Routes>
  );
}
