// The app itself: what the status bar shows about the build and the open database.
import { channel } from './channel';
import { none } from './common';

export interface AppInfo {
  version: string;
  databaseFile: string;
  schemaVersion: number;
  demoGeneratedOn: string | null;
  counts: { provinces: number; engineers: number; partnerShops: number; customers: number; tickets: number; openTickets: number };
}

export const appChannels = {
  'app.info': channel(none).returns<AppInfo>(),
};
