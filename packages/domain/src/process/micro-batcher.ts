// Gathers work items that arrive together (webhooks in the same instant, send jobs handed out by the queue in
// one burst) so they share one database statement and one Redis round trip instead of one each. A batch goes
// on the next turn of the event loop or as soon as it is full, so a lone item waits well under a millisecond.
export class MicroBatcher<In, Out> {
  private readonly handle: (items: In[]) => Promise<Out[]>;
  private readonly maxBatch: number;
  private pending: { item: In; resolve(out: Out): void; reject(error: unknown): void }[] = [];
  private scheduled = false;

  /** `handle` answers for every item, in the order given. */
  constructor(handle: (items: In[]) => Promise<Out[]>, maxBatch: number) {
    this.handle = handle;
    this.maxBatch = maxBatch;
  }

  add(item: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length) void this.run(batch);
  }

  private async run(batch: typeof this.pending): Promise<void> {
    try {
      const outs = await this.handle(batch.map((p) => p.item));
      if (outs.length !== batch.length) throw new Error(`a batch of ${batch.length} was answered with ${outs.length} results`);
      for (const [i, p] of batch.entries()) p.resolve(outs[i] as Out);
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
}
