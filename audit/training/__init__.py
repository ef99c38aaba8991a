"""Commands that rebuild the engine's shipped learned parts (run by developers, never at audit time)."""
