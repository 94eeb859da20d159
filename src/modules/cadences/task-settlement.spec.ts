import { InteractionDirection } from '../interactions/interaction.enums';
import { ContactChannel } from '../stakeholders/stakeholder.enums';
import { OutreachAction } from './outreach.enums';
import { OpenTaskRef, settleTasks } from './task-settlement';

const now = new Date('2026-11-25T12:00:00Z');
const task = (id: string, channel: ContactChannel, action: OutreachAction, dueAt: string, stepPosition = 1): OpenTaskRef => ({
  id,
  channel,
  action,
  dueAt: new Date(dueAt),
  stepPosition,
});
const tasks = [
  task('call-later', ContactChannel.PHONE, OutreachAction.CALL, '2026-11-27T09:00:00Z'),
  task('call-overdue', ContactChannel.PHONE, OutreachAction.CALL, '2026-11-24T09:00:00Z'),
  task('email-soon', ContactChannel.EMAIL, OutreachAction.EMAIL, '2026-11-26T09:00:00Z'),
  task('meeting', ContactChannel.VIDEO, OutreachAction.MEETING, '2026-12-01T09:00:00Z'),
  task('survey', ContactChannel.EMAIL, OutreachAction.SURVEY, '2026-11-25T13:00:00Z'),
];

describe('settleTasks', () => {
  it('among steps due at the same instant, does the earliest step of the cadence, whatever the ids', () => {
    const sameMorning = '2026-11-30T08:00:00Z';
    for (const ids of [['a', 'b', 'c'], ['c', 'b', 'a']]) {
      const steps = [
        task(ids[0], ContactChannel.PHONE, OutreachAction.CALL, sameMorning, 3),
        task(ids[1], ContactChannel.PHONE, OutreachAction.CALL, sameMorning, 1),
        task(ids[2], ContactChannel.EMAIL, OutreachAction.EMAIL, sameMorning, 2),
      ];
      expect(settleTasks({ direction: InteractionDirection.OUTBOUND, channel: ContactChannel.PHONE }, steps, now).doneTaskId).toBe(ids[1]);
    }
  });

  it('an outbound contact does the earliest open task on its channel', () => {
    expect(settleTasks({ direction: InteractionDirection.OUTBOUND, channel: ContactChannel.PHONE }, tasks, now)).toEqual({
      doneTaskId: 'call-overdue',
      redundantTaskIds: [],
    });
  });

  it('an outbound contact on a channel no task uses does nothing', () => {
    expect(settleTasks({ direction: InteractionDirection.OUTBOUND, channel: ContactChannel.SMS }, tasks, now)).toEqual({
      doneTaskId: null,
      redundantTaskIds: [],
    });
  });

  it('an inbound reply does no task but ends calls and emails due within 24 hours', () => {
    expect(settleTasks({ direction: InteractionDirection.INBOUND, channel: ContactChannel.EMAIL }, tasks, now)).toEqual({
      doneTaskId: null,
      redundantTaskIds: ['call-overdue', 'email-soon'],
    });
  });

  it('a held meeting does the meeting task and ends nearby calls and emails', () => {
    expect(settleTasks({ direction: InteractionDirection.OUTBOUND, channel: ContactChannel.IN_PERSON }, tasks, now)).toEqual({
      doneTaskId: 'meeting',
      redundantTaskIds: ['call-overdue', 'email-soon'],
    });
  });
});
