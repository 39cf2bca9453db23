"""Ask the Raccordo window to close, as a window manager's close button does.

WebDriver can only kill the app; this sends the ICCCM WM_DELETE_WINDOW request to the window
whose title contains "Raccordo" on $DISPLAY, so the app goes through its normal exit (and ends
its database session cleanly). Uses Debian's python3-xlib (installed by scripts/deps.sh).
Exit code 0 when the request was sent, 1 when no such window exists.
"""
import sys

from Xlib import X, display, protocol


def find(window, title):
    try:
        name = window.get_wm_name()
    except Exception:  # windows can vanish while we walk the tree
        name = None
    if name and title in str(name):
        return window
    for child in window.query_tree().children:
        found = find(child, title)
        if found is not None:
            return found
    return None


def main():
    d = display.Display()
    window = find(d.screen().root, "Raccordo")
    if window is None:
        print("no Raccordo window on this display", file=sys.stderr)
        return 1
    protocols = d.intern_atom("WM_PROTOCOLS")
    delete = d.intern_atom("WM_DELETE_WINDOW")
    event = protocol.event.ClientMessage(
        window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
    )
    window.send_event(event, event_mask=X.NoEventMask)
    d.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
