// Sends a file to the server in parts (`upload` messages, docs/protocol.md "Uploads"): at most
// IN_FLIGHT parts beyond what the server has acknowledged with `received`, so a big file neither
// piles up in the socket's buffer nor nears the message size limit, and the progress shown is
// what the server really has.

import { upload, type Upload } from "../protocol/messages";

export const PART_BYTES = 1 << 20;
export const IN_FLIGHT = 4;

let lastId = Date.now() % 1_000_000_000; // fresh after a reload, so stray parts are told apart

export interface UploadEvents {
  progress(fraction: number): void;
  done(): void;
  failed(msg: string): void;
}

export class Uploader {
  private file: File | null = null;
  private id = 0;
  private sent = 0;
  private index = 0;
  private acked = 0;
  private sending = false;
  private again = false;

  constructor(
    private readonly component: string,
    private readonly send: (part: Upload) => boolean,
    private readonly events: UploadEvents,
  ) {}

  /** Starts uploading `file` (any upload in progress is abandoned). */
  start(file: File): void {
    this.file = file;
    this.id = ++lastId;
    this.sent = this.index = this.acked = 0;
    this.events.progress(0);
    void this.pump();
  }

  /** The server stored `n` bytes of upload `u`. */
  received(u: number, n: number): void {
    if (u !== this.id || this.file === null) return;
    this.acked = n;
    const size = this.file.size;
    this.events.progress(size === 0 ? 1 : n / size);
    if (n >= size) {
      this.file = null;
      this.events.done();
    } else {
      void this.pump();
    }
  }

  /** Abandons the upload in progress (its late acknowledgements are ignored). */
  cancel(): void {
    this.file = null;
    this.id = ++lastId;
  }

  get active(): boolean {
    return this.file !== null;
  }

  /** Sends what the window allows; one loop at a time (a call meanwhile makes it go again). */
  private async pump(): Promise<void> {
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = true;
    try {
      do {
        this.again = false;
        await this.sendParts();
      } while (this.again);
    } finally {
      this.sending = false;
    }
  }

  private async sendParts(): Promise<void> {
    const file = this.file;
    const id = this.id;
    while (file !== null && file === this.file && id === this.id) {
      const size = file.size;
      if ((this.index > 0 && this.sent >= size) || this.sent - this.acked >= IN_FLIGHT * PART_BYTES) return;
      const end = Math.min(size, this.sent + PART_BYTES);
      const data = new Uint8Array(await file.slice(this.sent, end).arrayBuffer());
      if (file !== this.file || id !== this.id) return;
      const mime = file.type || "application/octet-stream";
      const first = this.index === 0 ? { name: file.name, mime, size } : undefined;
      if (!this.send(upload(this.component, id, this.index, data, end >= size, first))) {
        this.cancel();
        this.events.failed("The connection is down: pick the file again once it is back.");
        return;
      }
      this.index += 1;
      this.sent = end;
    }
  }
}
