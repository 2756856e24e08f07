// Which partner shop takes which of the jobs the engineers do not: a transportation problem (each job to one of its
// shops within the shops' daily capacities, or left unserved), solved exactly. Ruin and recreate places one job at a
// time into the cheapest shop with room; it rarely finds the chains that free a cheap shop for a job that has no other
// (job A moves to its second shop so that job B, whose only shop was full, gets a place), and on an over-full day
// those chains decide how many tickets are served at all.

export interface PartnerChoice {
  /** The shops that could take the job and what each costs (fee plus expected lateness). */
  options: ReadonlyArray<{ partner: number; cost: number }>;
  /** What leaving the job unserved costs. */
  unservedCost: number;
}

/**
 * The cheapest assignment: the shop of each job (index into `capacities`), or -1 for unserved. Successive shortest
 * paths, one job at a time: each new job goes along the cheapest chain of moves in the current assignment (the job into
 * a shop, that shop's occupant into another, … ending in a shop with room or with a job left unserved). Adding a job
 * this way keeps the assignment of the jobs so far optimal. Each chain is found by Dijkstra over costs reduced by node
 * potentials (the Hungarian method's dual), which stops as soon as the cheapest end is settled.
 */
export function assignPartners(jobs: readonly PartnerChoice[], capacities: readonly number[]): Int32Array {
  const J = jobs.length;
  const P = capacities.length;
  // Nodes: jobs 0..J-1, shops J..J+P-1, and END = J+P where every chain finishes.
  const END = J + P;
  const shopOf = new Int32Array(J).fill(-1);
  const ownCost = new Float64Array(J);
  const occupants: number[][] = capacities.map(() => []);
  const potential = new Float64Array(END + 1);
  const distance = new Float64Array(END + 1).fill(Infinity);
  const via = new Int32Array(END + 1);
  const settled: number[] = [];
  const touched: number[] = [];
  const heap = new NodeHeap();

  const relax = (from: number, to: number, cost: number) => {
    const d = distance[from]! + cost + potential[from]! - potential[to]!;
    if (d < distance[to]!) {
      if (distance[to] === Infinity) touched.push(to);
      distance[to] = d;
      via[to] = from;
      heap.push(to, d);
    }
  };

  for (let start = 0; start < J; start++) {
    const job = jobs[start]!;
    // A potential that leaves every edge out of the new job with a non-negative reduced cost.
    let p0 = potential[END]! - job.unservedCost;
    for (const o of job.options) p0 = Math.max(p0, potential[J + o.partner]! - o.cost);
    potential[start] = p0;
    distance[start] = 0;
    touched.push(start);
    via[start] = -1;
    heap.push(start, 0);
    while (heap.size > 0) {
      const { node, key } = heap.pop();
      if (key > distance[node]!) continue;
      settled.push(node);
      if (node === END) break;
      if (node < J) {
        // The job takes a place in another of its shops, or is left unserved.
        for (const o of jobs[node]!.options) if (o.partner !== shopOf[node]) relax(node, J + o.partner, o.cost);
        relax(node, END, jobs[node]!.unservedCost);
      } else {
        const partner = node - J;
        if (occupants[partner]!.length < capacities[partner]!) relax(node, END, 0);
        // The shop is full: one of its occupants gives up its place.
        else for (const occupant of occupants[partner]!) relax(node, occupant, -ownCost[occupant]!);
      }
    }
    heap.clear();
    // Settled nodes move their potentials by how much nearer than the end they are; the rest keep theirs.
    const end = distance[END]!;
    for (const node of settled) potential[node] = potential[node]! + distance[node]! - end;
    // Walk the chain back from the end, moving each job into the shop after it.
    let node = via[END]!;
    if (node < J) {
      // The chain ends with this job left unserved.
      if (shopOf[node]! >= 0) leave(node);
      node = via[node]!;
    }
    while (node >= J) {
      const moving = via[node]!;
      if (shopOf[moving]! >= 0) leave(moving);
      shopOf[moving] = node - J;
      ownCost[moving] = jobs[moving]!.options.find((o) => o.partner === node - J)!.cost;
      occupants[node - J]!.push(moving);
      node = via[moving]!;
    }
    for (const n of touched) distance[n] = Infinity;
    touched.length = 0;
    settled.length = 0;
  }
  return shopOf;

  function leave(job: number): void {
    const list = occupants[shopOf[job]!]!;
    list.splice(list.indexOf(job), 1);
    shopOf[job] = -1;
  }
}

/** A binary min-heap of (node, key) with stale entries left in place (Dijkstra skips them). */
class NodeHeap {
  private nodes: number[] = [];
  private keys: number[] = [];

  get size(): number {
    return this.nodes.length;
  }

  clear(): void {
    this.nodes.length = 0;
    this.keys.length = 0;
  }

  push(node: number, key: number): void {
    let i = this.nodes.length;
    this.nodes.push(node);
    this.keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.nodes[i] = this.nodes[parent]!;
      this.keys[i] = this.keys[parent]!;
      i = parent;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
  }

  pop(): { node: number; key: number } {
    const top = { node: this.nodes[0]!, key: this.keys[0]! };
    const lastNode = this.nodes.pop()!;
    const lastKey = this.keys.pop()!;
    const n = this.nodes.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && this.keys[child + 1]! < this.keys[child]!) child++;
        if (this.keys[child]! >= lastKey) break;
        this.nodes[i] = this.nodes[child]!;
        this.keys[i] = this.keys[child]!;
        i = child;
      }
      this.nodes[i] = lastNode;
      this.keys[i] = lastKey;
    }
    return top;
  }
}
