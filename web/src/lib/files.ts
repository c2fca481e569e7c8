/** How long a blob URL outlives its click: the browser has started the download or opened the tab by then. */
const KEEP_MS = 60_000;

/** Saves a blob under its name, through a temporary link (the browser's own download). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), KEEP_MS);
}

/**
 * Opens a PDF in a tab of its own, where the browser's viewer shows and prints it: a frame cannot (the API's Content
 * Security Policy frames nothing but its own pages, and the viewer's frame is closed to the page's script).
 */
export function openPdf(blob: Blob): void {
  const url = URL.createObjectURL(blob);
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), KEEP_MS);
}
