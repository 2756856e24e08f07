import type { AtlasApi, ExportedFile } from '../../../shared/api/index';

/** Hands a file made by the core to the user as a download (browser mode and Electron alike). */
export function saveFile(file: ExportedFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  download(new Blob([bytes], { type: file.mimeType }), file.fileName);
}

/** A finished export's file, fetched from the core chunk by chunk (each a few MB), as a download. */
export async function saveExport(api: AtlasApi, jobId: string): Promise<void> {
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await api.call('export.chunk', { jobId, offset });
    const bytes = Uint8Array.from(atob(chunk.base64), (c) => c.charCodeAt(0));
    parts.push(bytes);
    offset += bytes.length;
    if (offset >= chunk.totalBytes || bytes.length === 0) {
      download(new Blob(parts as BlobPart[], { type: chunk.mimeType }), chunk.fileName);
      return;
    }
  }
}

/** Text the renderer already holds (a rejects CSV) as a download. */
export function saveText(fileName: string, mimeType: string, text: string): void {
  download(new Blob([text], { type: mimeType }), fileName);
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file the user chose, as base64 for the API (the browser's own encoder: fast on tens of megabytes). */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
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
