import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { Connection } from '../../common/pagination/connection.model';
import { MarkNotificationsReadArgs } from './dto/mark-notifications-read.args';
import { MyNotificationsArgs } from './dto/my-notifications.args';
import { NotificationConnection, NotificationModel } from './notification.model';
import { NotificationsService } from './notifications.service';

/** Every signed-in user reads and marks only their own notifications. */
@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  async myNotifications(@CurrentUser() actor: AuthUser, @Args() args: MyNotificationsArgs): Promise<Connection<NotificationModel>> {
    const page = await this.notifications.listFor(actor.id, args.unreadOnly, args);
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: NotificationModel.from(e.node) })) };
  }

  @Query(() => Int)
  unreadNotificationCount(@CurrentUser() actor: AuthUser): Promise<number> {
    return this.notifications.unreadCount(actor.id);
  }

  @Mutation(() => [NotificationModel], { description: 'Marks your own notifications read; any other id refuses the call.' })
  async markNotificationsRead(@CurrentUser() actor: AuthUser, @Args() { ids }: MarkNotificationsReadArgs): Promise<NotificationModel[]> {
    return (await this.notifications.markRead(actor.id, ids)).map((n) => NotificationModel.from(n));
  }

  @Mutation(() => Int, { description: 'Marks all your unread notifications read; returns how many there were.' })
  markAllNotificationsRead(@CurrentUser() actor: AuthUser): Promise<number> {
    return this.notifications.markAllRead(actor.id);
  }
}
