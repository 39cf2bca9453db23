import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import * as api from './api';
import { ApiError } from './api';
import { actionFilter, actionInput } from '../test/action-fixtures';
import { commands } from './generated/commands';

type Sent = { cmd: string; args: Record<string, unknown> };

function record(reply: unknown = null): Sent[] {
  const sent: Sent[] = [];
  mockIPC((cmd, args) => {
    sent.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    return reply;
  });
  return sent;
}

describe('api.ts command mapping (docs/ipc-contract.md)', () => {
  const cases: [string, () => Promise<unknown>, string, Record<string, unknown>][] = [
    ['appStatus', () => api.appStatus(), commands.appStatus, {}],
    ['appInfo', () => api.appInfo(), commands.appInfo, {}],
    ['territoryTree', () => api.territoryTree(), commands.territoryTree, {}],
    ['searchComuni', () => api.searchComuni('pisa', 15), commands.comuneSearch, { query: 'pisa', limit: 15 }],
    ['getComune', () => api.getComune('050026'), commands.comuneGet, { istat_code: '050026' }],
    ['listZones', () => api.listZones(), commands.zoneList, {}],
    ['confirmZones', () => api.confirmZones([3, 7]), commands.zoneConfirm, { ids: [3, 7] }],
    ['renameZone', () => api.renameZone(7, 'Pisana'), commands.zoneRename, { id: 7, name: 'Pisana' }],
    [
      'setComuneZone',
      () => api.setComuneZone('050026', 7, '2024-01-01'),
      commands.comuneSetZone,
      { istat_code: '050026', zone_id: 7, valid_from: '2024-01-01' },
    ],
    [
      'setComuneZone (no zone)',
      () => api.setComuneZone('050026', null, '2024-01-01'),
      commands.comuneSetZone,
      { istat_code: '050026', zone_id: null, valid_from: '2024-01-01' },
    ],
    ['getProfile', () => api.getProfile(), commands.profileGet, {}],
    [
      'saveProfile',
      () => api.saveProfile({ coordinator_name: 'Maria Rossi', organisation: 'ANCI Toscana' }),
      commands.profileSave,
      { input: { coordinator_name: 'Maria Rossi', organisation: 'ANCI Toscana' } },
    ],
    ['getMeeting', () => api.getMeeting(4), commands.meetingGet, { id: 4 }],
    ['moveMeeting', () => api.moveMeeting(4, '2027-03-29T10:00:00'), commands.meetingMove, { id: 4, start: '2027-03-29T10:00:00' }],
    ['setMeetingStatus', () => api.setMeetingStatus(4, 'held', 'ok'), commands.meetingSetStatus, { id: 4, status: 'held', note: 'ok' }],
    ['deleteMeeting', () => api.deleteMeeting(4), commands.meetingDelete, { id: 4 }],
    ['deleteMeetingSeries', () => api.deleteMeetingSeries(2), commands.meetingDeleteSeries, { series_id: 2 }],
    [
      'proposeInvitees',
      () => api.proposeInvitees('conferenza_zonale', { kind: 'zone', asl: null, zone_id: 7, province: null, unione_org_id: null, comuni: [] }, '2027-03-25'),
      commands.meetingProposeInvitees,
      { kind: 'conferenza_zonale', scope: { kind: 'zone', asl: null, zone_id: 7, province: null, unione_org_id: null, comuni: [] }, on: '2027-03-25' },
    ],
    [
      'setAttendance',
      () => api.setAttendance(31, { attendance: 'delegated', delegate_person_id: null, delegate_name: 'Anna', note: '' }),
      commands.meetingSetAttendance,
      { invitation_id: 31, input: { attendance: 'delegated', delegate_person_id: null, delegate_name: 'Anna', note: '' } },
    ],
    [
      'meetingConflicts',
      () => api.meetingConflicts('2027-03-25T10:00:00', '2027-03-25T12:00:00', null, [5]),
      commands.meetingConflicts,
      { start: '2027-03-25T10:00:00', end: '2027-03-25T12:00:00', exclude: null, people: [5] },
    ],
    ['upcomingMeetings', () => api.upcomingMeetings(14), commands.meetingUpcoming, { days: 14 }],
    ['comuneMeetings', () => api.comuneMeetings('050026'), commands.comuneMeetings, { istat_code: '050026' }],
    ['attachFile', () => api.attachFile(4), commands.meetingAttach, { meeting_id: 4 }],
    ['openAttachment', () => api.openAttachment(7), commands.meetingAttachmentOpen, { attachment_id: 7 }],
    ['removeAttachment', () => api.removeAttachment(7), commands.meetingAttachmentRemove, { attachment_id: 7 }],
    ['getReminderSettings', () => api.getReminderSettings(), commands.reminderSettingsGet, {}],
    [
      'saveReminderSettings',
      () => api.saveReminderSettings({ leads_minutes: [1440, 60] }),
      commands.reminderSettingsSave,
      { input: { leads_minutes: [1440, 60] } },
    ],
    ['listActions', () => api.listActions(actionFilter({ comune: '050026' })), commands.actionList, { filter: actionFilter({ comune: '050026' }) }],
    ['countActions', () => api.countActions(actionFilter()), commands.actionCount, { filter: actionFilter() }],
    ['getAction', () => api.getAction(9), commands.actionGet, { id: 9 }],
    ['createAction', () => api.createAction(actionInput), commands.actionCreate, { input: actionInput }],
    ['updateAction', () => api.updateAction(9, actionInput), commands.actionUpdate, { id: 9, input: actionInput }],
    ['setActionStatus', () => api.setActionStatus(9, 'done', 'Fatto'), commands.actionSetStatus, { id: 9, status: 'done', note: 'Fatto' }],
    [
      'bulkUpdateActions',
      () => api.bulkUpdateActions([1, 2], { status: 'waiting', note: '', owner: null, due: { date: null } }),
      commands.actionBulk,
      { ids: [1, 2], change: { status: 'waiting', note: '', owner: null, due: { date: null } } },
    ],
    [
      'undoBulk',
      () => api.undoBulk([{ id: 1, status: 'open', owner: { kind: 'none' }, due: null }]),
      commands.actionUndoBulk,
      { prior: [{ id: 1, status: 'open', owner: { kind: 'none' }, due: null }] },
    ],
    ['deleteAction', () => api.deleteAction(9), commands.actionDelete, { id: 9 }],
    ['actionCounts', () => api.actionCounts(actionFilter()), commands.actionCounts, { filter: actionFilter() }],
    ['openActionsByAsl', () => api.openActionsByAsl(), commands.actionOpenByAsl, {}],
    ['savedActionFilters', () => api.savedActionFilters(), commands.actionFilters, {}],
    ['saveActionFilter', () => api.saveActionFilter('Mie', 'resp=mie'), commands.actionFilterSave, { name: 'Mie', query: 'resp=mie' }],
    ['deleteActionFilter', () => api.deleteActionFilter(3), commands.actionFilterDelete, { id: 3 }],
    ['comuneTimeline', () => api.comuneTimeline('050026', 100), commands.comuneTimeline, { istat_code: '050026', limit: 100 }],
    ['areaOverview', () => api.areaOverview({ kind: 'zone', id: 7 }), commands.areaOverview, { area: { kind: 'zone', id: 7 } }],
    ['recentChanges', () => api.recentChanges(12), commands.recentChanges, { limit: 12 }],
  ];

  for (const [name, run, cmd, args] of cases) {
    it(`${name} → ${cmd}`, async () => {
      const sent = record();
      await run();
      expect(sent, `${name} must send exactly one command`).toHaveLength(1);
      expect(sent[0]!.cmd).toBe(cmd);
      expect(sent[0]!.args, `${cmd} argument object`).toEqual(args);
    });
  }

  it('watchActionAlerts hands the shell a channel whose messages reach the callback', async () => {
    const sent = record();
    const got: unknown[] = [];
    await api.watchActionAlerts((c) => got.push(c));
    expect(sent.map((c) => c.cmd)).toEqual([commands.actionAlertsWatch]);
    const channel = sent[0]!.args.on_alert as { onmessage: (r: unknown) => void };
    expect(typeof channel.onmessage, 'the argument is a Channel, not a value').toBe('function');
    channel.onmessage({ overdue: 2 });
    expect(got).toEqual([{ overdue: 2 }]);
  });

  it('watchReminders hands the shell a channel whose messages reach the callback', async () => {
    const sent = record();
    const got: unknown[] = [];
    await api.watchReminders((r) => got.push(r));
    expect(sent.map((c) => c.cmd)).toEqual([commands.remindersWatch]);
    const channel = sent[0]!.args.on_reminder as { onmessage: (r: unknown) => void };
    expect(typeof channel.onmessage, 'the argument is a Channel, not a value').toBe('function');
    channel.onmessage({ lead_minutes: 60 });
    expect(got).toEqual([{ lead_minutes: 60 }]);
  });

  it('searchComuni has a default limit', async () => {
    const sent = record([]);
    await api.searchComuni('fi');
    expect(sent[0]!.args).toEqual({ query: 'fi', limit: 20 });
  });

  it('returns what the backend answered', async () => {
    record({ version: '0.1.0' });
    await expect(api.appInfo()).resolves.toEqual({ version: '0.1.0' });
  });
});

describe('api.ts errors', () => {
  it('rejects with ApiError carrying kind, message and field details', async () => {
    mockIPC(() => {
      throw {
        kind: 'validation',
        message: 'Dati non validi',
        details: [{ field: 'coordinator_name', message: 'Il nome è obbligatorio' }],
      };
    });
    const error = await api.saveProfile({ coordinator_name: '', organisation: 'x' }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('validation');
    expect(error.message).toBe('Dati non validi');
    expect(error.details).toEqual([{ field: 'coordinator_name', message: 'Il nome è obbligatorio' }]);
    expect(error.fieldMessage('coordinator_name')).toBe('Il nome è obbligatorio');
  });

  it('matches prefixed detail fields such as input.organisation', () => {
    const error = new ApiError('validation', 'x', [{ field: 'input.organisation', message: 'troppo lungo' }]);
    expect(error.fieldMessage('organisation')).toBe('troppo lungo');
    expect(error.fieldMessage('coordinator_name')).toBeUndefined();
  });

  it('turns a bare string rejection into an internal ApiError', async () => {
    mockIPC(() => {
      throw 'command comune_get not found';
    });
    const error = await api.getComune('050026').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('internal');
    expect(error.message).toBe('command comune_get not found');
  });

  it('turns an unknown kind or a JS exception into internal, keeping the text', () => {
    expect(ApiError.from({ kind: 'weird', message: 'm' }).kind).toBe('internal');
    const fromError = ApiError.from(new TypeError('IPC missing'));
    expect([fromError.kind, fromError.message]).toEqual(['internal', 'IPC missing']);
  });

  it('drops malformed details instead of crashing', () => {
    const error = ApiError.from({ kind: 'validation', message: 'm', details: [{ field: 1 }, null, { field: 'a', message: 'b' }] });
    expect(error.details).toEqual([{ field: 'a', message: 'b' }]);
  });
});
