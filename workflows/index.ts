// The worker's workflow bundle: every workflow the app runs.
export { onboarding } from './onboarding';
