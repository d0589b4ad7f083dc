/**
 * Says which local URLs moved at start because their usual port was taken,
 * so a URL pasted into a dashboard or an `.env` that no longer works is named.
 */
interface MovedService {
  portMovedFrom(): number | undefined;
}

export function portNotices(services: {
  webhooks: MovedService & { address(): { url: string; inboundUrl: string; statusUrl: string } | undefined };
  emulator: MovedService & { url(): string | null };
}): { code: string; message: string }[] {
  const notices: { code: string; message: string }[] = [];
  const webhooksFrom = services.webhooks.portMovedFrom();
  const address = services.webhooks.address();
  if (webhooksFrom !== undefined && address) {
    notices.push({
      code: 'WEBHOOK_PORT_MOVED',
      message: `Port ${webhooksFrom} was taken, so the webhook receiver listens on ${address.url} for this run: the inbound URL is ${address.inboundUrl} and the status URL ${address.statusUrl}. Free port ${webhooksFrom} and restart, or choose another port in Settings.`,
    });
  }
  const emulatorFrom = services.emulator.portMovedFrom();
  const emulatorUrl = services.emulator.url();
  if (emulatorFrom !== undefined && emulatorUrl) {
    notices.push({
      code: 'EMULATOR_PORT_MOVED',
      message: `Port ${emulatorFrom} was taken, so the built-in emulator listens on ${emulatorUrl} for this run. Free port ${emulatorFrom} and restart, or choose another port in Settings.`,
    });
  }
  return notices;
}
