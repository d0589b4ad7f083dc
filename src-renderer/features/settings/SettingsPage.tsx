import { AboutSection } from './AboutSection';
import { LocalPortsSection } from './LocalPortsSection';
import { ProfilesSection } from './ProfilesSection';
import './settings.css';
import { TeamInboxSection } from '../team-inbox/TeamInboxSection';

export function SettingsPage() {
  return (
    <section className="page page-wide" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <ProfilesSection />
      <LocalPortsSection />
      <TeamInboxSection />
      <AboutSection />
    </section>
  );
}
