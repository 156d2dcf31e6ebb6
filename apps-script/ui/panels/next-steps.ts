/**
 * « Prochaine étape »: the evaluation's steps as a short checklist (done, the current one, those to come) with what to
 * do now. Read with the sidebar's state, and again after every call that changed the registry (rpc.ts announces
 * them), so it follows each step whichever panel took it.
 */
import type { NextSteps } from '../../server/next-steps';
import { $ } from '../dom';
import { call, CHANGED_EVENT } from '../rpc';

/** Calls after which a step may be done: set-up, the approach, an import, a value typed, a computation. */
const STEP_CALLS = new Set(['configureRegistry', 'saveApproach', 'finishImport', 'addManualValue', 'computeRegistry']);

export function showNextSteps(next: NextSteps): void {
  $('next-steps').replaceChildren(
    ...next.steps.map((step) => {
      const item = document.createElement('li');
      const current = step.id === next.current;
      const skipped = !step.done && !current && next.steps.findIndex((s) => s.id === step.id) < next.steps.findIndex((s) => s.id === next.current);
      item.className = step.done ? 'done' : current ? 'current' : skipped ? 'skipped' : 'to-come';
      item.textContent = `${step.done ? '✓' : current ? '→' : skipped ? '!' : '○'} ${step.label}`;
      if (current) item.setAttribute('aria-current', 'step');
      item.title = step.done ? 'Fait' : current ? 'Étape en cours' : skipped ? 'Reste à faire' : 'À venir';
      return item;
    }),
  );
  $('next-step-hint').textContent = [next.hint, next.reminder].filter(Boolean).join(' ');
}

export function initNextStepsPanel(): void {
  document.addEventListener(CHANGED_EVENT, (event) => {
    if (STEP_CALLS.has((event as CustomEvent<string>).detail)) void call('getNextSteps').then(showNextSteps, () => undefined);
  });
}
