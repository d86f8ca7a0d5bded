import { createRoute } from '@hono/zod-openapi';
import { onboardingState } from '../../db/onboarding';
import { withTenant } from '../../db/tenant';
import { AppError } from '../../domain/errors';
import { onboardingProgress, onboardingWorkflowId } from '../../domain/onboarding';
import { errorFields } from '../log';
import { ensureOnboardingStarted, workflowUiUrl } from '../onboarding';
import { Me } from '../schemas/auth';
import { errorResponse, jsonResponse } from '../schemas/common';
import { OnboardingView } from '../schemas/onboarding';
import { requireSession } from '../sessions';
import { areaApp } from '../validation';

const me = createRoute({
  method: 'get', path: '/me', tags: ['account'], summary: 'The logged-in user, active company and role',
  responses: { 200: jsonResponse('Current session', Me), 401: errorResponse('Not logged in') },
});

const onboarding = createRoute({
  method: 'get', path: '/onboarding', tags: ['account'], summary: "The active company's onboarding progress",
  responses: { 200: jsonResponse('Onboarding state', OnboardingView), 401: errorResponse('Not logged in') },
});

export const meRoutes = areaApp()
  .openapi(me, (c) => {
    const { user, company, role } = requireSession(c);
    return c.json({ user, company, role }, 200);
  })
  .openapi(onboarding, async (c) => {
    const { company } = requireSession(c);
    const deps = c.var.deps;
    const state = await withTenant(deps.database.db, company.id, (tx) => onboardingState(tx, company.id));
    if (!state) throw new AppError(404, 'NOT_FOUND', 'No such company.');
    // Still pending means the start at signup did not happen (e.g. Temporal was down): start it now.
    if (state.status === 'pending') {
      await ensureOnboardingStarted(deps, company.id).catch((err) =>
        deps.log.warn('onboarding start deferred', { companyId: company.id, ...errorFields(err) }));
    }
    const workflowId = onboardingWorkflowId(company.id);
    return c.json({
      status: state.status, workflowId, temporalUiUrl: workflowUiUrl(deps, workflowId), steps: onboardingProgress(state.done),
    }, 200);
  });
