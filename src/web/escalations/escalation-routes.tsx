import { Route, Routes } from 'react-router';
import { EscalationsPage } from './escalations-page.js';

// «Эскалации» (issue 15 §3): one page — the live list and the region's rules.
export function EscalationRoutes() {
  return (
    <Routes>
      <Route index element={<EscalationsPage />} />
    </Routes>
  );
}
