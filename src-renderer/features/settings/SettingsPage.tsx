import { AboutSection } from './AboutSection';
import { LocalPortsSection } from './LocalPortsSection';
import { ProfilesSection } from './ProfilesSection';
import { TeamInboxSection } from '../team-inbox/TeamInboxSection';

export function SettingsPage() {
  return (
    <section className="page page-wide" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <ProfilesSection />
      <LocalPortsSection />
      <TeamInboxSection />
      <AboutSection />
    </section>
  );
}
