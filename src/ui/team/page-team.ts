// The page's connection to the team server it was served by (if any): one, like the page's
// session (src/session/page-session.ts). main.tsx starts it; the team's components act through it.
import { connectTeam } from '../../actions';
import { session } from '../../session';

export const pageTeam = connectTeam(session, { page: true });
