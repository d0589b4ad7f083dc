/** Saves a value as a pretty-printed JSON file through the browser's own download. */
export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later, not at once: some browsers read the blob only after click() has returned.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name made of the profile name's safe characters. */
export function exportFileName(profileName: string): string {
  const slug = profileName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'profile'}.profile.json`;
}
