// Start-up status, the About data and the coordinator's profile.
// Each function calls one command through ../ipc (names, arguments and results typed by
// ../generated/commands); ../api re-exports them all.
import { call } from '../ipc';
import { commands } from '../generated/commands';
import type { AppInfo } from '../bindings/AppInfo';
import type { AppStatus } from '../bindings/AppStatus';
import type { Profile } from '../bindings/Profile';
import type { ProfileInput } from '../bindings/ProfileInput';

export function appStatus(): Promise<AppStatus> {
  return call(commands.appStatus);
}

export function appInfo(): Promise<AppInfo> {
  return call(commands.appInfo);
}

export function getProfile(): Promise<Profile> {
  return call(commands.profileGet);
}

export function saveProfile(input: ProfileInput): Promise<Profile> {
  return call(commands.profileSave, { input });
}
