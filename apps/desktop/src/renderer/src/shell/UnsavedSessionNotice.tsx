// Said once, after signing in, when the OS offered no keyring to keep the sign-in encrypted on disk.
import { useState } from 'react';
import { useSession } from '../api/session-context.tsx';

export function UnsavedSessionNotice() {
  const { savedOnDisk } = useSession();
  const [dismissed, setDismissed] = useState(false);
  if (savedOnDisk || dismissed) return null;
  return (
    <div className="status-banner warn unsaved-session" role="status" data-testid="unsaved-session-notice">
      This computer has no keyring (such as GNOME Keyring or KWallet) to keep your sign-in encrypted, so it is not saved: you stay signed in
      until you quit Switchboard.{' '}
      <button type="button" className="link" onClick={() => setDismissed(true)} data-testid="unsaved-session-dismiss">
        Got it
      </button>
    </div>
  );
}
