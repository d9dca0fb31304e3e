import { Route, Routes } from 'react-router';
import { DiagnosticPage } from './diagnostic-page.js';
import { DiagnosticsPage } from './diagnostics-page.js';
import { ReviewPage } from './review-page.js';
import { ScalePage } from './scale-page.js';

// Diagnostics of professional deficits (issue 14 §1), mounted at /diagnostics/*.
export function DiagnosticRoutes() {
  return (
    <Routes>
      <Route index element={<DiagnosticsPage />} />
      <Route path="scale" element={<ScalePage />} />
      <Route path=":id" element={<DiagnosticPage />} />
      <Route path=":id/imports/:importId" element={<ReviewPage />} />
    </Routes>
  );
}
