import { BackupPanel } from './BackupPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

/** Getting data in and out, and keeping it safe: imports, table exports, backups. */
export function DataView() {
  return (
    <div className="page data-page">
      <ImportPanel />
      <div className="data-side">
        <ExportPanel />
        <BackupPanel />
      </div>
    </div>
  );
}
