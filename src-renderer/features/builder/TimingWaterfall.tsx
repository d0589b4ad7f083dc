/** The phases of one exchange as a small waterfall: each bar starts where the previous phase ended. */
import type { ExchangeTimings } from '../../../src-shared/send-exchange';

interface Phase {
  id: string;
  label: string;
  ms: number;
}

/** The phases that happened, in order; what follows the first byte is the body's download. */
export function phasesOf(timings: ExchangeTimings): Phase[] {
  const before = [
    { id: 'dns', label: 'DNS', ms: timings.dnsMs },
    { id: 'connect', label: 'Connect', ms: timings.connectMs },
    { id: 'tls', label: 'TLS', ms: timings.tlsMs },
    { id: 'wait', label: 'Waiting', ms: timings.firstByteMs },
  ].filter((phase): phase is Phase => phase.ms !== null);
  const accounted = before.reduce((sum, phase) => sum + phase.ms, 0);
  const download = timings.firstByteMs === null ? 0 : Math.max(0, timings.totalMs - accounted);
  return [...before, ...(timings.firstByteMs === null ? [] : [{ id: 'download', label: 'Download', ms: download }])];
}

export function TimingWaterfall({ timings }: { timings: ExchangeTimings }) {
  const phases = phasesOf(timings);
  const total = Math.max(
    timings.totalMs,
    phases.reduce((sum, phase) => sum + phase.ms, 0),
    0.001,
  );
  let offset = 0;
  return (
    <figure className="waterfall" data-testid="builder-waterfall">
      <figcaption>
        {timings.totalMs.toFixed(1)} ms in all{timings.reusedConnection ? ', on a reused connection' : ''}
      </figcaption>
      <ol className="waterfall-rows">
        {phases.map((phase) => {
          const left = (offset / total) * 100;
          offset += phase.ms;
          return (
            <li key={phase.id} className="waterfall-row" data-testid="builder-waterfall-phase" data-phase={phase.id}>
              <span className="waterfall-label">{phase.label}</span>
              <span className="waterfall-track" aria-hidden="true">
                <span
                  className={`waterfall-bar waterfall-${phase.id}`}
                  style={{ left: `${left}%`, width: `max(${(phase.ms / total) * 100}%, 2px)` }}
                />
              </span>
              <span className="waterfall-ms">{phase.ms.toFixed(1)} ms</span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
