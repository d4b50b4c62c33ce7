import { useState, type FormEvent } from 'react';
import { signIn } from '../../actions';
import { useStore } from '../../data/store';
import { pageTeam } from './page-team';
import './team.css';

/**
 * The team server's sign-in page, in place of the dashboard while no one is signed in. There is
 * no sign-up: accounts are made by an admin (`npm run users`).
 */
export function SignInPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const pendingShared = useStore((state) => state.pendingShared);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    const problem = await signIn(pageTeam, username, password);
    setBusy(false);
    if (problem) {
      setError(problem);
      setPassword('');
    }
  };

  return (
    <main className="sign-in-page">
      <form className="sign-in-form" onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">
          <span className="brand">Tripwire</span> Sign in
        </h1>
        <p className="muted">This Tripwire is shared by a team. Sign in with the account your admin made for you.</p>
        {pendingShared && <p className="muted">The shared scenario you were sent opens once you are signed in.</p>}
        <label htmlFor="sign-in-username">Username</label>
        <input id="sign-in-username" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required value={username} onChange={(event) => setUsername(event.target.value)} autoFocus />
        <label htmlFor="sign-in-password">Password</label>
        <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        <p role="alert" className="sign-in-error">
          {error}
        </p>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

/** The dashboard, or the sign-in page when the page is served by a team server and no one is signed in. */
export function TeamGate({ children }: { children: React.ReactNode }) {
  const server = useStore((state) => state.teamServer);
  const user = useStore((state) => state.teamUser);
  return server === 'present' && !user ? <SignInPage /> : children;
}
