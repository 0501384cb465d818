// One object URL at a time: setting a new one revokes the previous, so images never leak.

export class ObjectUrl {
  private url: string | null = null;

  set(blob: Blob): string {
    this.clear();
    this.url = URL.createObjectURL(blob);
    return this.url;
  }

  clear(): void {
    if (this.url !== null) URL.revokeObjectURL(this.url);
    this.url = null;
  }
}
