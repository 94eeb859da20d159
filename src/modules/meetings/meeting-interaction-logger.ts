import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { InteractionDirection, InteractionOutcome } from '../interactions/interaction.enums';
import { SUMMARY_MAX } from '../interactions/interaction-rules';
import { InteractionsService } from '../interactions/interactions.service';
import { ContactChannel } from '../stakeholders/stakeholder.enums';
import { MeetingEntity } from './meeting.entity';

/** A meeting held only over a link was a video call; anything with a place was in person. */
export function channelOfMeeting(meeting: Pick<MeetingEntity, 'location' | 'videoLink'>): ContactChannel {
  return meeting.location ? ContactChannel.IN_PERSON : ContactChannel.VIDEO;
}

/**
 * Logs a completed meeting as an interaction on its case, inside the completion's
 * transaction, so that it counts for cadences and trust. A meeting without a case logs
 * nothing: interactions hang off cases.
 */
@Injectable()
export class MeetingInteractionLogger {
  constructor(private readonly interactions: InteractionsService) {}

  async logCompletedMeeting(manager: EntityManager, actor: AuthUser, meeting: MeetingEntity): Promise<string | null> {
    if (!meeting.caseId || meeting.outcomeSummary === null) return null;
    // The stakeholder's most senior person present, if any, is who the interaction was with.
    const [contact]: { contact_id: string }[] = await manager.query(
      `SELECT mc.contact_id FROM meeting_contacts mc JOIN contacts c ON c.id = mc.contact_id
        WHERE mc.meeting_id = $1 ORDER BY c.is_executive DESC, c.name, c.id LIMIT 1`,
      [meeting.id],
    );
    const summary = `${meeting.kind} "${meeting.title}": ${meeting.outcomeSummary}`.slice(0, SUMMARY_MAX);
    const interaction = await this.interactions.record(manager, actor, {
      caseId: meeting.caseId,
      contactId: contact?.contact_id ?? null,
      channel: channelOfMeeting(meeting),
      // We held the meeting: it counts as our contact with them.
      direction: InteractionDirection.OUTBOUND,
      occurredAt: meeting.startsAt,
      summary,
      outcome: InteractionOutcome.REACHED,
      sentiment: meeting.sentiment,
    });
    return interaction.id;
  }
}
