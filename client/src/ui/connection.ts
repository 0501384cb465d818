// The connection state, for people (the #rx-connection banner) and for tests
// (<html data-rx-state="connecting|ready|reconnecting|closed">).

export type ConnectionState = "connecting" | "ready" | "reconnecting" | "closed";

export class ConnectionIndicator {
  private readonly banner: HTMLDivElement;

  constructor(parent: HTMLElement) {
    this.banner = document.createElement("div");
    this.banner.id = "rx-connection";
    this.banner.setAttribute("role", "status");
    this.banner.hidden = true;
    parent.append(this.banner);
    this.set("connecting");
  }

  set(state: ConnectionState, detail = ""): void {
    document.documentElement.dataset["rxState"] = state;
    this.banner.dataset["state"] = state;
    this.banner.hidden = state === "ready" || state === "connecting";
    this.banner.textContent = state === "closed" ? `Disconnected${detail ? `: ${detail}` : ""}` : "Reconnecting…";
  }
}
