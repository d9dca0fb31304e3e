import { Route, Routes } from 'react-router';
import { RoutePage } from './route-page.js';
import { RoutesListPage } from './routes-list-page.js';

// Individual routes of teachers (ИОМ, issue 14 §1), mounted at /individual-routes/*.
export function IndividualRouteRoutes() {
  return (
    <Routes>
      <Route index element={<RoutesListPage />} />
      <Route path=":id" element={<RoutePage />} />
    </Routes>
  );
}
