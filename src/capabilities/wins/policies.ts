// Who may do what in the Wins room (issue 13): viewers read; everyone else posts, reacts, comments, marks a win
// celebrated and confirms or dismisses proposals; only the poster or an admin edits or deletes a win; only a
// comment's author or an admin deletes it; admins change the settings.
import type { Actor } from '../../server/auth.js';

type Who = Pick<Actor, 'role' | 'memberId'>;

export const canTakePart = (a: Who): boolean => a.role !== 'viewer';
export const canChangeWin = (a: Who, postedBy: string | null): boolean => a.role === 'admin' || (a.role !== 'viewer' && postedBy !== null && postedBy === a.memberId);
export const canDeleteComment = (a: Who, authorId: string | null): boolean => a.role === 'admin' || (a.role !== 'viewer' && authorId !== null && authorId === a.memberId);
export const canChangeSettings = (a: Who): boolean => a.role === 'admin';

export const TAKE_PART = 'Viewers read wins; members, leaders and admins post, react, comment and confirm them.';
export const CHANGE_WIN = 'Only the person who posted this win, or an admin, changes or deletes it.';
export const DELETE_COMMENT = 'Only the person who wrote this comment, or an admin, deletes it.';
export const CHANGE_SETTINGS = 'Only admins change the Wins settings.';
