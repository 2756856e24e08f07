// The dispatcher's channels: open tickets and call-ins, planning jobs, and the plan as it is edited and published.
// A plan naming tickets or people outside its day is refused by draftPlan's AssignmentError, a publication the
// tickets' states forbid by PublishError: both concern the `assignment` field and reach the caller as such.
import type { DispatchAssignment } from '../../../shared/dispatch';
import { chinaDateTime, isLocalDate } from '../../../shared/time';
import { jobHandlers, type DomainHandlers, type HandlerContext } from '../../api/context';
import { InvalidArgumentError, notFound } from '../../api/errors';
import { searchCustomers } from '../../store/customers';
import { publishDay } from '../../store/dispatchPublish';
import { listCities, listProvinces, listSkillCodes } from '../../store/reference';
import { countOpenTicketsInRegion, createCallInTicket, listOpenTickets, openTicket } from '../../store/tickets';
import { withLocks } from './dispatchDay';
import { evaluateAssignment, insertionOptions, locksOf, toSolution } from './draftPlan';
import { checkPlannable, loadDispatchModel } from './planDay';

interface DayInRegion {
  regionAdcode: string;
  cityId?: number | undefined;
  date?: string | undefined;
}

export function dispatchHandlers({ db, databaseFile, now, reportingDay, planJobs }: HandlerContext): DomainHandlers<'dispatch'> {
  const dayOf = (arg: DayInRegion) => {
    if (!listProvinces(db).some((p) => p.adcode === arg.regionAdcode)) notFound(`No province with code ${arg.regionAdcode}`);
    if (arg.cityId !== undefined && !listCities(db, arg.regionAdcode).some((c) => c.id === arg.cityId)) {
      throw new InvalidArgumentError(`No city ${arg.cityId} in province ${arg.regionAdcode}`, [{ field: 'cityId', message: 'not a city of the province' }]);
    }
    if (arg.date !== undefined && !isLocalDate(arg.date)) throw new InvalidArgumentError(`Not a date: ${arg.date}`, [{ field: 'date', message: 'not a calendar date' }]);
    return { regionAdcode: arg.regionAdcode, cityId: arg.cityId, date: arg.date ?? reportingDay() };
  };
  /** The region's day with the assignment's locks, after checking the assignment names only its tickets and people. */
  const dispatchModel = async (arg: DayInRegion, assignment: DispatchAssignment) => {
    const model = await loadDispatchModel(db, dayOf(arg));
    toSolution(model, assignment);
    return withLocks(model, locksOf(assignment));
  };
  const plans = jobHandlers(planJobs, 'planning job');

  return {
    'tickets.open': ({ limit, offset, ...region }) => ({ tickets: listOpenTickets(db, region, { limit, offset }), total: countOpenTicketsInRegion(db, region).total, offset }),
    'customers.search': ({ provinceAdcode, text }) => searchCustomers(db, provinceAdcode, text),
    'tickets.create': (arg) => {
      const known = new Set(listSkillCodes(db));
      const unknown = arg.requiredSkills.find((skill) => !known.has(skill));
      if (unknown) throw new InvalidArgumentError(`Unknown skill ${unknown}`, [{ field: 'requiredSkills', message: `unknown skill ${unknown}` }]);
      const id = createCallInTicket(db, arg, { actor: 'dispatcher', at: chinaDateTime(now()) });
      return openTicket(db, id)!;
    },
    'plan.start': async (arg) => {
      const { regionAdcode, cityId, date } = dayOf(arg);
      // Checked here, so that a region too large or a stale plan is refused at once rather than failing later in the worker.
      checkPlannable(db, { provinceAdcode: regionAdcode, cityId });
      if (arg.initial) await dispatchModel(arg, arg.initial);
      return planJobs.start({ databaseFile, regionAdcode, cityId, date, timeLimitMs: (arg.timeLimitSeconds ?? 10) * 1000, maxIterations: arg.maxIterations, seed: arg.seed ?? 1, initial: arg.initial });
    },
    'plan.status': plans.status,
    'plan.cancel': plans.cancel,
    'dispatch.evaluate': async (arg) => evaluateAssignment(await dispatchModel(arg, arg.assignment), arg.assignment),
    'dispatch.insertions': async (arg) => insertionOptions(await dispatchModel(arg, arg.assignment), arg.assignment, arg.ticketId),
    'dispatch.publish': async (arg) => {
      const plan = evaluateAssignment(await dispatchModel(arg, arg.assignment), arg.assignment);
      const broken = plan.routes.find((r) => r.violations.length > 0);
      if (broken) throw new InvalidArgumentError(`${broken.engineerName}'s route breaks: ${broken.violations.join(', ')}. Fix it before publishing.`, [{ field: 'assignment', message: 'infeasible route' }]);
      const publication = { routes: plan.routes.map((r) => ({ engineerId: r.engineerId, stops: r.stops })), partners: arg.assignment.partners };
      return publishDay(db, publication, { actor: 'dispatcher', at: chinaDateTime(now()) });
    },
  };
}
