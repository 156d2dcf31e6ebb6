/**
 * The sidebar: the next-step checklist, then one panel per task (set up, check, compute, reports, decisions,
 * questionnaires, approach, manual values, cohort, extension pairing, survey import, themes, exchanges, glossary), each
 * in its own module under panels/, wired here and fed the registry's state.
 */
import { sayFailure } from './dom';
import { initApproachPanel, showApproachState } from './panels/approach';
import { initCheckPanel } from './panels/check';
import { initCohortPanel, showCohortState } from './panels/cohort';
import { initComputePanel } from './panels/compute';
import { initDecisionPanel } from './panels/decisions';
import { initExchangePanel } from './panels/exchange';
import { initGlossaryPanel } from './panels/glossary';
import { initImportPanel } from './panels/import';
import { initManualPanel, showManualState } from './panels/manual';
import { initNextStepsPanel, showNextSteps } from './panels/next-steps';
import { initPairingPanel } from './panels/pairing';
import { initQuestionnairePanel, showQuestionnaireState } from './panels/questionnaire';
import { initReportPanel, showReportState } from './panels/report';
import { initSetupPanel, showSetupState } from './panels/setup';
import { initThemesPanel } from './panels/themes';
import { call } from './rpc';

async function refresh(): Promise<void> {
  const state = await call('getSidebarState');
  showNextSteps(state.nextSteps);
  showSetupState(state);
  showManualState(state);
  await showApproachState(state);
  await showQuestionnaireState();
  await showReportState();
  await showCohortState();
}

initNextStepsPanel();
initSetupPanel(refresh);
initCheckPanel();
initComputePanel();
initGlossaryPanel();
initApproachPanel();
initManualPanel();
initImportPanel();
initQuestionnairePanel();
initReportPanel();
initDecisionPanel();
initCohortPanel();
initThemesPanel();
initExchangePanel();
refresh()
  .then(initPairingPanel)
  .catch(sayFailure);
