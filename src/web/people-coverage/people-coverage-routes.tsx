import { Route, Routes } from 'react-router';
import { PeopleCoveragePage } from './people-coverage-page.js';

// Pages of teachers' support coverage (issue 14 §1) at /people-coverage/*.
export function PeopleCoverageRoutes() {
  return (
    <Routes>
      <Route index element={<PeopleCoveragePage />} />
    </Routes>
  );
}
