import type { Engineer, OpenTicket, PartnerShop } from '../../../../shared/domain';
import { useI18n } from '../../i18n/I18n';
import type { MapSelection } from './DispatchMap';
import { EngineerDetail } from './EngineerDetail';
import { ProvinceDetail } from './ProvinceDetail';
import { ShopDetail } from './ShopDetail';
import { TicketDetail } from './TicketDetail';

interface Props {
  selection: MapSelection | null;
  engineers: Engineer[];
  shops: PartnerShop[];
  tickets: OpenTicket[];
}

export function DetailPanel({ selection, engineers, shops, tickets }: Props) {
  const { t } = useI18n();
  if (!selection) return <p className="muted">{t('detail.hint')}</p>;
  switch (selection.kind) {
    case 'province':
      return <ProvinceDetail adcode={selection.adcode} />;
    case 'engineer': {
      const engineer = engineers.find((e) => e.id === selection.id);
      return engineer ? <EngineerDetail engineer={engineer} /> : null;
    }
    case 'shop': {
      const shop = shops.find((s) => s.id === selection.id);
      return shop ? <ShopDetail shop={shop} /> : null;
    }
    case 'ticket': {
      const ticket = tickets.find((x) => x.id === selection.id);
      return ticket ? <TicketDetail ticket={ticket} /> : null;
    }
  }
}
