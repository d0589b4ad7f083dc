/**
 * Where the status webhooks of one sent message appear, under its response.
 * A placeholder until the webhook events are connected: it takes the
 * message_uuid they are correlated by.
 */
export function StatusWebhookThread({ messageUuid }: { messageUuid: string }) {
  return (
    <section className="webhook-thread" aria-label="Status webhooks" data-testid="builder-webhook-thread" data-message-uuid={messageUuid}>
      <h3>Status webhooks</h3>
      <p className="muted">
        Status webhooks for <code>{messageUuid}</code> arrive here: submitted, delivered, read or rejected, as Vonage reports them.
      </p>
    </section>
  );
}
