// The AudioWorklet of streaming microphone inputs (built on its own into
// reactive/static/capture-worklet.js: a worklet is a module of its own scope). It converts the
// microphone's float samples to int16 and posts them in chunks of exactly `chunk` samples, the
// buffer transferred; a "flush" message posts what is left (the stream's last, shorter chunk).

declare const sampleRate: number;
declare function registerProcessor(name: string, processor: unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: { processorOptions?: { chunk?: number } });
}

class PcmCapture extends AudioWorkletProcessor {
  private readonly size: number;
  private buffer: Int16Array;
  private filled = 0;
  private open = true;

  constructor(options?: { processorOptions?: { chunk?: number } }) {
    super(options);
    this.size = Math.max(128, Math.round(options?.processorOptions?.chunk ?? sampleRate / 4));
    this.buffer = new Int16Array(this.size);
    this.port.onmessage = (e: MessageEvent) => {
      if (e.data !== "flush") return;
      this.post(true);
      this.open = false;
    };
  }

  process(inputs: Float32Array[][]): boolean {
    const samples = inputs[0]?.[0];
    if (!this.open) return false;
    if (samples === undefined) return true;
    for (const x of samples) {
      const clipped = Math.max(-1, Math.min(1, x));
      this.buffer[this.filled++] = clipped < 0 ? Math.round(clipped * 32768) : Math.round(clipped * 32767);
      if (this.filled === this.size) this.post(false);
    }
    return true;
  }

  private post(last: boolean): void {
    const data = this.buffer.slice(0, this.filled);
    this.port.postMessage({ data, last, rate: sampleRate }, [data.buffer]);
    this.filled = 0;
  }
}

registerProcessor("rx-pcm-capture", PcmCapture);
