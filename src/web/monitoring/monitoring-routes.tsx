import { Route, Routes } from 'react-router';
import { MonitoringPage } from './monitoring-page.js';
import { MonitoringsPage } from './monitorings-page.js';
import { ResponsePage } from './response-page.js';

// Monitorings and their forms (issue 13 §2), mounted at /monitorings/*.
export function MonitoringRoutes() {
  return (
    <Routes>
      <Route index element={<MonitoringsPage />} />
      <Route path=":id" element={<MonitoringPage />} />
      <Route path=":id/units/:unitId" element={<ResponsePage />} />
    </Routes>
  );
}
