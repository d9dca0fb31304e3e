import { Route, Routes } from 'react-router';
import { CoursePage } from './course-page.js';
import { CoursesPage } from './courses-page.js';
import { DemandPage } from './demand-page.js';

// Courses (issue 14 §1), mounted at /courses/*: the catalogue, a course with its enrolments, the demand.
export function CourseRoutes() {
  return (
    <Routes>
      <Route index element={<CoursesPage />} />
      <Route path="demand" element={<DemandPage />} />
      <Route path=":id" element={<CoursePage />} />
    </Routes>
  );
}
