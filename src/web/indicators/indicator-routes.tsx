import { Route, Routes } from 'react-router';
import { UnitRollUpPage } from '../dashboard/unit-roll-up-page.js';
import { IndicatorDataPage } from './indicator-data-page.js';
import { IndicatorPage } from './indicator-page.js';
import { IndicatorsPage } from './indicators-page.js';

// Показатели (issue 13 §1): the list, one indicator down the units, the data behind a school's figure;
// and the drill-down of the start page's roll-up (mounted here: one lazily loaded part for the area).
export function IndicatorRoutes() {
  return (
    <Routes>
      <Route index element={<IndicatorsPage />} />
      <Route path="units/:unitId/roll-up" element={<UnitRollUpPage />} />
      <Route path=":code/data" element={<IndicatorDataPage />} />
      <Route path=":code" element={<IndicatorPage />} />
    </Routes>
  );
}
