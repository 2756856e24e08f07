// Solomon-format VRPTW instances (the standard benchmark text format; see test/fixtures/solomon/README.md).

export interface SolomonNode {
  id: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
}

export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  /** Node 0 is the depot; its due date is the horizon. */
  nodes: SolomonNode[];
}

export class InstanceFormatError extends Error {
  override name = 'InstanceFormatError';
}

export function parseSolomon(text: string): SolomonInstance {
  const lines = text.split(/\r?\n/);
  const name = lines.find((l) => l.trim() !== '')?.trim() ?? '';
  const vehicleAt = lines.findIndex((l) => /^\s*VEHICLE\s*$/i.test(l));
  const customerAt = lines.findIndex((l) => /^\s*CUSTOMER\s*$/i.test(l));
  if (vehicleAt < 0 || customerAt < 0) throw new InstanceFormatError('Not a Solomon instance: the VEHICLE and CUSTOMER sections are missing.');
  const fleetLine = lines.slice(vehicleAt + 1, customerAt).find((l) => /^\s*\d+\s+\d+\s*$/.test(l));
  if (!fleetLine) throw new InstanceFormatError('Not a Solomon instance: no "NUMBER CAPACITY" line after VEHICLE.');
  const [vehicles, capacity] = fleetLine.trim().split(/\s+/).map(Number) as [number, number];
  const nodes: SolomonNode[] = [];
  lines.slice(customerAt + 1).forEach((line, offset) => {
    if (!/^\s*\d/.test(line)) return;
    const fields = line.trim().split(/\s+/).map(Number);
    if (fields.length !== 7 || fields.some((f) => !Number.isFinite(f))) {
      throw new InstanceFormatError(`Line ${customerAt + 2 + offset}: expected 7 numbers (CUST NO. X Y DEMAND READY DUE SERVICE), got "${line.trim()}"`);
    }
    const [id, x, y, demand, ready, due, service] = fields as [number, number, number, number, number, number, number];
    if (id !== nodes.length) throw new InstanceFormatError(`Line ${customerAt + 2 + offset}: customer ${id} out of order (expected ${nodes.length}).`);
    if (ready > due) throw new InstanceFormatError(`Line ${customerAt + 2 + offset}: ready time ${ready} is after due date ${due}.`);
    nodes.push({ id, x, y, demand, ready, due, service });
  });
  if (nodes.length < 2) throw new InstanceFormatError('The instance has no customers.');
  return { name, vehicles, capacity, nodes };
}

export const euclidean = (a: SolomonNode, b: SolomonNode) => Math.hypot(a.x - b.x, a.y - b.y);
