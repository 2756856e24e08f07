// The network planner's channels: scenarios, and optimisation jobs over them.
import { chinaDate, chinaDateTime } from '../../shared/time';
import { jobHandlers, type DomainHandlers, type HandlerContext } from '../api/context';
import { notFound } from '../api/errors';
import { deleteScenario, findScenario, listScenarios, saveScenario } from '../store/scenarios';

export function networkHandlers({ db, databaseFile, now, networkJobs }: HandlerContext): DomainHandlers<'network'> {
  const jobs = jobHandlers(networkJobs, 'network job');
  return {
    'network.scenarios': () => listScenarios(db),
    'network.saveScenario': ({ name, overrides }) => saveScenario(db, name, overrides, chinaDateTime(now())),
    'network.deleteScenario': ({ name }) => ({ deleted: deleteScenario(db, name) }),
    'network.start': (request) => {
      for (const name of request.kind === 'compare' ? request.scenarios : [request.scenario]) {
        if (!findScenario(db, name)) notFound(`No scenario named '${name}'`);
      }
      return networkJobs.start({ databaseFile, today: chinaDate(now()), request });
    },
    'network.status': jobs.status,
    'network.cancel': jobs.cancel,
  };
}
