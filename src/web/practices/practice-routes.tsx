import { Route, Routes } from 'react-router';
import { BankPage } from './bank-page.js';
import { PracticeForm } from './practice-form.js';
import { PracticePage } from './practice-page.js';

// The bank of practices (issue 15 §2), mounted at /practices/*: the bank with its filters and «Похожие
// школы», a new practice, a practice's card, its edit form.
export function PracticeRoutes() {
  return (
    <Routes>
      <Route index element={<BankPage />} />
      <Route path="new" element={<PracticeForm />} />
      <Route path=":id" element={<PracticePage />} />
      <Route path=":id/edit" element={<PracticeForm />} />
    </Routes>
  );
}
