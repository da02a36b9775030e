// The listeners of one kind of event a client set reports (waits before a retry, the client's address as a vault
// saw it). A throwing listener never breaks the request that fired the event, nor the other listeners.
export class Listeners<T> {
  private readonly listeners = new Set<(event: T) => void>();

  on(listener: (event: T) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  emit(event: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // a listener's problem is not the request's
      }
    }
  }
}
