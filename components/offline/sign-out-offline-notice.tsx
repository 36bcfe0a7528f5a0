/** Said where a sign-out was refused for want of a connection. */
export function SignOutOfflineNotice({ shown }: { shown: boolean }) {
  return shown ? (
    <p role="alert" className="max-w-xs text-sm text-amber-950">
      You are offline, so you are still signed in. What you saved on this device is sent when the connection
      returns; sign out after that.
    </p>
  ) : null;
}
