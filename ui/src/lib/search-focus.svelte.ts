// A pending request to focus the comune search box (from the `/` and Ctrl+K shortcuts).
// The search box consumes it when it is (or becomes) mounted.
class SearchFocus {
  pending = $state(false);

  request(): void {
    this.pending = true;
  }

  /** Returns true once per request. */
  take(): boolean {
    if (!this.pending) return false;
    this.pending = false;
    return true;
  }
}

export const searchFocus = new SearchFocus();
