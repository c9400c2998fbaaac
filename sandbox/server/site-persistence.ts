import fs from 'node:fs';
import path from 'node:path';
import type { SiteSnapshot } from '../jira/site-state';
import type { Sandbox } from '../runtime/sandbox';

/**
 * What `npm start` keeps across restarts besides the app's KVS (which lives in SQLite): the
 * fake Jira site and the virtual time, so work items the app refers to still exist and time
 * never runs backwards under stored TTLs. Queue events in flight are not kept: on Forge they
 * would be delivered, here the app's sweep repairs what they would have done.
 */
export interface SavedSite {
  now: number;
  jira: SiteSnapshot;
}

export class SitePersistence {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'site.json');
  }

  load(): SavedSite | null {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as SavedSite;
    } catch {
      return null;
    }
  }

  save(sandbox: Sandbox): void {
    const saved: SavedSite = { now: sandbox.clock.now(), jira: sandbox.jira.snapshot() };
    // Write then rename, so a crash mid-write never leaves a half file.
    fs.writeFileSync(`${this.file}.tmp`, JSON.stringify(saved));
    fs.renameSync(`${this.file}.tmp`, this.file);
  }

  clear(): void {
    fs.rmSync(this.file, { force: true });
  }
}
