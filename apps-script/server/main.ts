/**
 * The bundle's entry points, and only them: each export becomes a top-level function of Code.js (the build adds the
 * stubs). Anything exported here can be called by the sidebar's google.script.run, so export nothing internal.
 */
export { onInstall, onOpen, showSidebar } from './menu';
export { doGet, doPost } from './collector';
export {
  addManualValue,
  checkRegistry,
  computeRegistry,
  configureRegistry,
  getApproach,
  getConnectionCode,
  getNextSteps,
  getSidebarState,
  goToCell,
  renewConnectionCode,
  saveApproach,
} from './sidebar-api';
export {
  beginImport,
  finishImport,
  getImportSetup,
  listSheetTabs,
  readSheetTab,
  saveImportMapping,
  writeImportChunk,
  writeImportQuotes,
} from './import-api';
export { createQuestionnaireForm, getInstrument, getQuestionnaireSetup } from './questionnaire-api';
export { addDecision, generateReportFile, getReportSetup, showReportPreview } from './report-api';
export {
  cohortReport,
  computeCohort,
  configureCohort,
  exportPublication,
  getCohortState,
  importPublication,
  inviteCohortMember,
  joinCohort,
  previewPublication,
  sendPublication,
  setCohortNamesShown,
} from './cohort/api';
export {
  getExchangeSetup,
  getObservationsForTagging,
  importCodebook,
  importCodings,
  prepareCidsExport,
  prepareCodebookExport,
  prepareProjectExport,
  retagObservations,
} from './exchange-api';
