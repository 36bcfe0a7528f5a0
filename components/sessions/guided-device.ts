"use client";

import { useCallback, useEffect, useRef } from "react";

type AudioContextConstructor = typeof AudioContext;

/**
 * A short beep through the Web Audio API (no audio files). Browsers only let a page make sound
 * after a user gesture, so the audio context is created on the first pointer or key press.
 */
export function useBeep(): () => void {
  const context = useRef<AudioContext | null>(null);
  useEffect(() => {
    const create = () => {
      if (context.current) return;
      const Constructor: AudioContextConstructor | undefined =
        window.AudioContext ??
        (window as unknown as { webkitAudioContext?: AudioContextConstructor }).webkitAudioContext;
      if (!Constructor) return;
      try {
        context.current = new Constructor();
      } catch {
        return;
      }
      document.removeEventListener("pointerdown", create, true);
      document.removeEventListener("keydown", create, true);
    };
    document.addEventListener("pointerdown", create, true);
    document.addEventListener("keydown", create, true);
    return () => {
      document.removeEventListener("pointerdown", create, true);
      document.removeEventListener("keydown", create, true);
      void context.current?.close().catch(() => {});
      context.current = null;
    };
  }, []);

  return useCallback(() => {
    const audio = context.current;
    if (!audio) return;
    try {
      if (audio.state === "suspended") void audio.resume().catch(() => {});
      const start = audio.currentTime;
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = "sine";
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.4);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.45);
    } catch {
      // No sound is better than a broken session.
    }
  }, []);
}

/**
 * Keeps the screen on while `active`, where the browser offers the Screen Wake Lock API. The lock
 * is dropped whenever the page is hidden, so it is taken again when the page becomes visible.
 */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || typeof navigator === "undefined" || !("wakeLock" in navigator)) return;
    let sentinel: WakeLockSentinel | null = null;
    let cancelled = false;
    const acquire = async () => {
      if (document.visibilityState !== "visible" || (sentinel && !sentinel.released)) return;
      try {
        const lock = await navigator.wakeLock.request("screen");
        if (cancelled) void lock.release().catch(() => {});
        else sentinel = lock;
      } catch {
        // Refused (battery saver, no permission): the session works without it.
      }
    };
    const onVisibilityChange = () => {
      void acquire();
    };
    void acquire();
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => {
      cancelled = true;
      document.removeEventListener("visibilitychange", onVisibilityChange);
      void sentinel?.release().catch(() => {});
    };
  }, [active]);
}

// Under the 30-minute idle limit, with room to spare.
const keepAliveMs = 5 * 60_000;

/**
 * A guided session only talks to the server through actions, which do not extend the sign-in;
 * while the patient is exercising (not paused), touch the session now and then so a long routine
 * does not end with "please sign in". A paused or abandoned player lets the idle limit apply.
 */
export function useKeepSignedIn(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      void fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" }).catch(
        () => undefined,
      );
    }, keepAliveMs);
    return () => window.clearInterval(timer);
  }, [active]);
}
