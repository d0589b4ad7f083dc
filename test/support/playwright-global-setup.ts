import ensureFreshBuild from './fresh-build';
import useTemporaryRoot from './test-temp-root';

/** Playwright takes one global setup: a fresh build, then a temporary root removed after the run. */
export default function playwrightGlobalSetup(): () => void {
  ensureFreshBuild();
  return useTemporaryRoot();
}
