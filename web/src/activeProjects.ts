import { createSignal } from 'solid-js';
import { errorMessage } from './action';
import { listProjects, type Project } from './workApi';

/**
 * The active projects time can be logged against, for a project picker.
 * `onLoaded` runs after each successful load; with exactly one project the
 * picker preselects it, so the caller gets that project too.
 */
export function createActiveProjects(onLoaded: (only: Project | undefined, all: Project[]) => void) {
  const [projects, setProjects] = createSignal<Project[]>();
  const [loadError, setLoadError] = createSignal<string>();

  const load = async () => {
    setLoadError(undefined);
    try {
      const page = await listProjects({ status: 'active', limit: 200 });
      setProjects(page.items);
      onLoaded(page.items.length === 1 ? page.items[0] : undefined, page.items);
    } catch (err) {
      setLoadError(errorMessage(err, 'Could not load your projects.'));
    }
  };

  return { projects, loadError, load };
}
