import { expect, type Locator } from '@playwright/test';

/** A file as a user would drop it from the desktop. */
export interface DroppedFile {
  name: string;
  mimeType: string;
  text: string;
}

/**
 * Drags a file over a drop area and drops it there. The area must light up
 * while the file is over it and go back once it has taken the drop, unless
 * taking it closed the dialog the area was in.
 */
export async function dropFile(area: Locator, file: DroppedFile): Promise<void> {
  const dataTransfer = await area.page().evaluateHandle(({ name, mimeType, text }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name, { type: mimeType }));
    return transfer;
  }, file);
  await area.dispatchEvent('dragover', { dataTransfer });
  await expect(area).toHaveClass(/is-dragging/);
  await area.dispatchEvent('drop', { dataTransfer });
  await expect(area.and(area.page().locator('.is-dragging'))).toHaveCount(0);
}
