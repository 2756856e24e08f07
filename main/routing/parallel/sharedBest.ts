// The best plan found so far by any of the search threads solving one problem, in shared memory: each thread offers
// its best now and then and takes over a better one it finds there, so that two cores search from the best plan
// either has found instead of two independent runs of which one is thrown away.
import type { SharedPlan, SolutionExchange } from '../solver/sisr';

// Int32 header: a spin lock, then whether a plan is stored, then a stop flag any thread may raise.
const LOCK = 0;
const FILLED = 1;
const STOP = 2;
const HEADER = 3;
// Per job: where it is (vehicle ≥ 0, −2 − partner for a shop, −1 unserved) and its rank within its route.
const UNSERVED = -1;

export interface SharedBestBuffers {
  header: SharedArrayBuffer;
  cost: SharedArrayBuffer;
  place: SharedArrayBuffer;
  rank: SharedArrayBuffer;
}

export class SharedBest implements SolutionExchange {
  private readonly header: Int32Array;
  private readonly cost: Float64Array;
  private readonly place: Int32Array;
  private readonly rank: Int32Array;

  /** New shared memory for a problem of `jobs` jobs, or the views of memory another thread made. */
  constructor(
    private readonly size: { jobs: number; vehicles: number; partners: number },
    readonly buffers: SharedBestBuffers = {
      header: new SharedArrayBuffer(HEADER * Int32Array.BYTES_PER_ELEMENT),
      cost: new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT),
      place: new SharedArrayBuffer(size.jobs * Int32Array.BYTES_PER_ELEMENT),
      rank: new SharedArrayBuffer(size.jobs * Int32Array.BYTES_PER_ELEMENT),
    },
  ) {
    this.header = new Int32Array(buffers.header);
    this.cost = new Float64Array(buffers.cost);
    this.place = new Int32Array(buffers.place);
    this.rank = new Int32Array(buffers.rank);
  }

  get stopped(): boolean {
    return Atomics.load(this.header, STOP) === 1;
  }

  stop(): void {
    Atomics.store(this.header, STOP, 1);
  }

  offer(cost: number, plan: SharedPlan): void {
    this.locked(() => {
      if (Atomics.load(this.header, FILLED) === 1 && this.cost[0]! <= cost) return;
      this.place.fill(UNSERVED);
      plan.routes.forEach((jobs, v) => jobs.forEach((j, k) => ((this.place[j] = v), (this.rank[j] = k))));
      plan.partnerJobs.forEach((jobs, partner) => jobs.forEach((j, k) => ((this.place[j] = -2 - partner), (this.rank[j] = k))));
      this.cost[0] = cost;
      Atomics.store(this.header, FILLED, 1);
    });
  }

  takeIfBetter(cost: number): { cost: number; plan: SharedPlan } | null {
    return this.locked(() => {
      if (Atomics.load(this.header, FILLED) !== 1 || this.cost[0]! >= cost) return null;
      const routes: number[][] = Array.from({ length: this.size.vehicles }, () => []);
      const partnerJobs: number[][] = Array.from({ length: this.size.partners }, () => []);
      const unassigned: number[] = [];
      for (let j = 0; j < this.size.jobs; j++) {
        const place = this.place[j]!;
        if (place >= 0) routes[place]![this.rank[j]!] = j;
        else if (place <= -2) partnerJobs[-2 - place]![this.rank[j]!] = j;
        else unassigned.push(j);
      }
      return { cost: this.cost[0]!, plan: { routes, partnerJobs, unassigned } };
    });
  }

  private locked<T>(work: () => T): T {
    // Critical sections copy a few thousand integers: spinning is cheaper than waiting.
    while (Atomics.compareExchange(this.header, LOCK, 0, 1) !== 0);
    try {
      return work();
    } finally {
      Atomics.store(this.header, LOCK, 0);
    }
  }
}
