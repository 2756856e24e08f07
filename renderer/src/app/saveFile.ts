import type { ExportedFile } from '../../../shared/contract';

/** Hands a file made by the core to the user as a download (browser mode and Electron alike). */
export function saveFile(file: ExportedFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The current view as PDF: Electron's printToPDF in the desktop app, the browser's print dialog in browser mode. */
export async function saveViewAsPdf(fileName: string): Promise<void> {
  const bridge = window.atlasBridge;
  if (bridge?.printToPdf) {
    saveFile({ fileName, mimeType: 'application/pdf', base64: await bridge.printToPdf() });
  } else {
    window.print();
  }
}
