import { useEffect } from 'react';
import { useEmulatorStore } from '../../stores/emulator-store';
import { ActivityList } from './ActivityList';
import { EmulatorStatusPanel } from './EmulatorStatusPanel';
import { PhonePanel } from './PhonePanel';
import { PhoneScreen } from './PhoneScreen';
import { ScenarioEditor } from './ScenarioEditor';
import './emulator.css';

/** The built-in emulator: what it accepts, the rules that shape its answers, a simulated user's phone, and what it did. */
export function EmulatorPage() {
  const loadEmulator = useEmulatorStore((store) => store.loadEmulator);
  useEffect(() => {
    void loadEmulator();
  }, [loadEmulator]);

  return (
    <section className="page page-wide emulator-page" aria-labelledby="emulator-title" data-testid="emulator-page">
      <h1 id="emulator-title">Emulator</h1>
      <p className="muted">
        A local Messages API: sends without a profile go here, and its signed status webhooks come back to this app's
        receiver. No account, no network.
      </p>
      <div className="emulator-columns">
        <div className="emulator-column">
          <EmulatorStatusPanel />
          <ScenarioEditor />
        </div>
        <div className="emulator-column">
          <PhoneScreen />
          <PhonePanel />
          <ActivityList />
        </div>
      </div>
    </section>
  );
}
