import { InteractionDirection } from '../interactions/interaction.enums';
import { ContactChannel } from '../stakeholders/stakeholder.enums';
import { OutreachAction } from './outreach.enums';

export interface OpenTaskRef {
  id: string;
  channel: ContactChannel;
  action: OutreachAction;
  dueAt: Date;
  /** The step's place in its cadence: breaks ties between steps due at the same instant. */
  stepPosition: number;
}

export interface InteractionRef {
  direction: InteractionDirection;
  channel: ContactChannel;
}

export interface Settlement {
  /** The task the interaction did (DONE, linked to it). */
  doneTaskId: string | null;
  /** Tasks the interaction made pointless (SKIPPED, linked to it, with the reason). */
  redundantTaskIds: string[];
}

/** How far ahead a reply or a held meeting makes planned calls and emails pointless. */
export const REDUNDANCY_WINDOW_MS = 24 * 3_600_000;

const MEETING_CHANNELS: readonly ContactChannel[] = [ContactChannel.IN_PERSON, ContactChannel.VIDEO];
const REDUNDANT_ACTIONS: readonly OutreachAction[] = [OutreachAction.CALL, OutreachAction.EMAIL];

function satisfies(task: OpenTaskRef, channel: ContactChannel): boolean {
  return task.channel === channel || (task.action === OutreachAction.MEETING && MEETING_CHANNELS.includes(channel));
}

/**
 * What one logged interaction settles among a case's open tasks:
 * - an OUTBOUND interaction does the earliest-due open task on the same channel (a MEETING
 *   task is also done by any in-person or video contact, which is how held meetings are logged);
 *   earliest-due first, so an overdue task is cleared before a future one, and among steps due
 *   at the same instant the earliest step of the cadence (never an order left to random ids);
 * - an INBOUND reply, or a meeting held (outbound IN_PERSON / VIDEO), makes the open CALL and
 *   EMAIL tasks due before now + 24 h redundant: the stakeholder was just heard from.
 */
export function settleTasks(interaction: InteractionRef, openTasks: readonly OpenTaskRef[], now: Date): Settlement {
  const byDue = [...openTasks].sort(
    (a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.stepPosition - b.stepPosition || a.id.localeCompare(b.id),
  );
  const done =
    interaction.direction === InteractionDirection.OUTBOUND ? (byDue.find((t) => satisfies(t, interaction.channel)) ?? null) : null;
  const endsNearbySteps =
    interaction.direction === InteractionDirection.INBOUND || MEETING_CHANNELS.includes(interaction.channel);
  const horizon = now.getTime() + REDUNDANCY_WINDOW_MS;
  const redundantTaskIds = endsNearbySteps
    ? byDue.filter((t) => t !== done && REDUNDANT_ACTIONS.includes(t.action) && t.dueAt.getTime() <= horizon).map((t) => t.id)
    : [];
  return { doneTaskId: done?.id ?? null, redundantTaskIds };
}
