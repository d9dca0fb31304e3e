import { Navigate, Route, Routes } from 'react-router';
import { EffectPage } from './effect-page.js';
import { PositiveChangePage } from './positive-change-page.js';

// «Позитивные изменения» and «Эффект поддержки» (issue 13 §3–4) under /analysis.
export function AnalysisRoutes() {
  return (
    <Routes>
      <Route path="positive-change" element={<PositiveChangePage />} />
      <Route path="effect" element={<EffectPage />} />
      <Route path="*" element={<Navigate to="positive-change" replace />} />
    </Routes>
  );
}
