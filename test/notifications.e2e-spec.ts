import { NotificationKind } from '../src/modules/notifications/notification-kind.enum';
import { NotificationsService, NotifyInput } from '../src/modules/notifications/notifications.service';
import { UserRole } from '../src/modules/users/user-role.enum';
import { MARK_ALL_READ, MARK_READ, MY_NOTIFICATIONS, UNREAD_COUNT } from './support/outreach-operations';
import { errorCode, SignedIn, TestApp } from './support/test-app';

describe('in-app notifications', () => {
  let t: TestApp;
  let service: NotificationsService;
  let alice: SignedIn;
  let bob: SignedIn;

  beforeAll(async () => {
    t = await TestApp.start();
    service = t.app.get(NotificationsService);
    alice = await t.signInAs(UserRole.AGENT, 'Alice Agent');
    bob = await t.signInAs(UserRole.LEADERSHIP, 'Bob Leader');
  });
  afterAll(() => t.close());

  let n = 0;
  function notify(userId: string, overrides: Partial<NotifyInput> = {}) {
    n += 1;
    return t.dataSource.transaction((m) =>
      service.notify(m, { userId, kind: NotificationKind.TEMPLATE_VERSION_APPROVED, title: `Notice ${n}`, body: 'Details', ...overrides }),
    );
  }

  const unread = async (user: SignedIn) => (await t.ok(UNREAD_COUNT, {}, user.token)).unreadNotificationCount;
  const mine = async (user: SignedIn, vars: Record<string, unknown> = {}) => (await t.ok(MY_NOTIFICATIONS, vars, user.token)).myNotifications;

  it('is idempotent on the dedupe key, and keeps every notification without one', async () => {
    const user = await t.signInAs(UserRole.AGENT);
    expect(await notify(user.id, { dedupeKey: 'sla-breached:case-1' })).toBe(true);
    expect(await notify(user.id, { dedupeKey: 'sla-breached:case-1', title: 'Again' })).toBe(false);
    expect(await notify(user.id)).toBe(true);
    expect(await notify(user.id)).toBe(true);
    const page = await mine(user);
    expect(page.totalCount).toBe(3);
    expect(page.edges.map((e: any) => e.node.title)).not.toContain('Again');
    expect(await unread(user)).toBe(3);
  });

  it('lists one’s own notifications newest first, paginated, optionally unread only', async () => {
    const user = await t.signInAs(UserRole.COMMS);
    for (let i = 0; i < 5; i += 1) await notify(user.id, { title: `Item ${i}` });
    await notify(bob.id, { title: 'For Bob only' });
    const first = await mine(user, { first: 3 });
    expect(first.totalCount).toBe(5);
    expect(first.edges.map((e: any) => e.node.title)).toEqual(['Item 4', 'Item 3', 'Item 2']);
    const second = await mine(user, { first: 3, after: first.pageInfo.endCursor });
    expect(second.edges.map((e: any) => e.node.title)).toEqual(['Item 1', 'Item 0']);
    expect(second.pageInfo.hasNextPage).toBe(false);

    const [newest] = first.edges.map((e: any) => e.node.id);
    await t.ok(MARK_READ, { ids: [newest] }, user.token);
    const unreadOnly = await mine(user, { unreadOnly: true });
    expect(unreadOnly.totalCount).toBe(4);
    expect(unreadOnly.edges.map((e: any) => e.node.id)).not.toContain(newest);
  });

  it('marks read, keeps the first read time, and counts down', async () => {
    await notify(alice.id);
    await notify(alice.id);
    const ids = (await mine(alice)).edges.map((e: any) => e.node.id);
    const before = await unread(alice);
    const marked = (await t.ok(MARK_READ, { ids: [ids[0]] }, alice.token)).markNotificationsRead;
    expect(marked).toEqual([{ id: ids[0], readAt: expect.any(String) }]);
    expect(await unread(alice)).toBe(before - 1);
    const again = (await t.ok(MARK_READ, { ids: [ids[0], ids[0]] }, alice.token)).markNotificationsRead;
    expect(again[0].readAt).toBe(marked[0].readAt);

    expect((await t.ok(MARK_ALL_READ, {}, alice.token)).markAllNotificationsRead).toBe(before - 1);
    expect(await unread(alice)).toBe(0);
    expect((await t.ok(MARK_ALL_READ, {}, alice.token)).markAllNotificationsRead).toBe(0);
  });

  it('cannot read or mark another user’s notifications, and a mixed request changes nothing', async () => {
    await notify(bob.id, { title: 'Leadership escalation' });
    await notify(alice.id, { title: 'Alice only' });
    const bobsId = (await mine(bob)).edges[0].node.id;
    const alicesId = (await mine(alice)).edges[0].node.id;
    expect((await mine(alice)).edges.map((e: any) => e.node.title)).not.toContain('Leadership escalation');

    const bobUnread = await unread(bob);
    const aliceUnread = await unread(alice);
    const res = await t.gql(MARK_READ, { ids: [alicesId, bobsId] }, alice.token);
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.errors![0].message).toContain(bobsId);
    expect(await unread(bob)).toBe(bobUnread);
    expect(await unread(alice)).toBe(aliceUnread);

    await t.ok(MARK_ALL_READ, {}, alice.token);
    expect(await unread(bob)).toBe(bobUnread);
  });

  it('refuses bad input with BAD_USER_INPUT and needs a signed-in user', async () => {
    expect(errorCode(await t.gql(MARK_READ, { ids: [] }, alice.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(MARK_READ, { ids: ['x'] }, alice.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(MY_NOTIFICATIONS, { first: 0 }, alice.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(MY_NOTIFICATIONS, { after: 'garbage' }, alice.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(UNREAD_COUNT, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(MARK_ALL_READ, {}))).toBe('UNAUTHENTICATED');
  });
});
