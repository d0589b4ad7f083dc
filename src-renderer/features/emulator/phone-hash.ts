/** The hash of a conversation on the emulator's phone: `#/emulator/phone/<channel>/<recipient>`. */
export function phoneHash(channel: string, recipient: string): string {
  return `#/emulator/phone/${encodeURIComponent(channel)}/${encodeURIComponent(recipient)}`;
}
