// The people tabs of «Организация работы» (helper «people», issue 12 §1): each in a file of its own.
export { CoordinatorsTab } from './coordinators-tab.js';
export { CuratorsTab } from './curators-tab.js';
export { MentorsTab } from './mentors-tab.js';
