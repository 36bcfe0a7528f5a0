"use client";

import { useFormStatus } from "react-dom";
import { Button } from "./button";

export function SubmitButton({
  children,
  pendingLabel,
  variant,
  pending: pendingFromAction = false,
}: {
  children: React.ReactNode;
  pendingLabel: string;
  /** For forms submitted by hand (not through `<form action>`), whose status React cannot see. */
  pending?: boolean;
  variant?: "primary" | "secondary" | "danger";
}) {
  const pending = useFormStatus().pending || pendingFromAction;
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : children}
    </Button>
  );
}
