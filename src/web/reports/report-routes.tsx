import { Route, Routes } from 'react-router';
import { DecisionsPage } from './decisions-page.js';
import { ReportPage } from './report-page.js';
import { ReportsPage } from './reports-page.js';

// Аналитические справки (issue 13 §5): the list with «Сформировать», one report, the registry of
// управленческие решения.
export function ReportRoutes() {
  return (
    <Routes>
      <Route index element={<ReportsPage />} />
      <Route path="decisions" element={<DecisionsPage />} />
      <Route path=":id" element={<ReportPage />} />
    </Routes>
  );
}
