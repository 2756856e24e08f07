// What the demo company services: product lines with the skills they need, faults, and how much they earn.
import type { CustomerTier, SlaMeasure, SlaTier } from '../../shared/domain';

export const SKILLS: ReadonlyArray<{ code: string; zh: string; en: string }> = [
  { code: 'hvac', zh: '暖通空调', en: 'HVAC' },
  { code: 'refrigeration', zh: '制冷冷链', en: 'Refrigeration' },
  { code: 'electrical', zh: '电气控制', en: 'Electrical controls' },
  { code: 'medical', zh: '医疗设备', en: 'Medical devices' },
  { code: 'mechanical', zh: '机械传动', en: 'Mechanical drives' },
];

export interface ProductLine {
  code: string;
  zh: string;
  /** Skills every visit needs; a second skill is sometimes needed too. */
  skills: string[];
  extraSkill: string;
  /** Revenue relative to the average ticket. */
  revenueFactor: number;
  serviceMinutes: number;
  share: number;
  faults: string[];
}

export const PRODUCT_LINES: ProductLine[] = [
  { code: 'commercial_hvac', zh: '商用中央空调', skills: ['hvac'], extraSkill: 'electrical', revenueFactor: 1.0, serviceMinutes: 90, share: 0.38,
    faults: ['不制冷', '压缩机异响', '漏水', '通讯故障 E4', '风机不转', '年度保养'] },
  { code: 'cold_chain', zh: '冷链冷柜', skills: ['refrigeration'], extraSkill: 'electrical', revenueFactor: 1.1, serviceMinutes: 100, share: 0.27,
    faults: ['温度过高报警', '结霜严重', '冷媒泄漏', '温控器失灵', '门封老化'] },
  { code: 'medical_imaging', zh: '医疗影像设备', skills: ['medical'], extraSkill: 'electrical', revenueFactor: 1.7, serviceMinutes: 150, share: 0.15,
    faults: ['球管报警', '探测器校准失败', '图像伪影', '主机无法启动', '预防性维护'] },
  { code: 'industrial_pump', zh: '工业泵组', skills: ['mechanical'], extraSkill: 'electrical', revenueFactor: 1.25, serviceMinutes: 120, share: 0.2,
    faults: ['振动超标', '密封泄漏', '电机过热', '流量不足', '轴承更换'] },
];

export const SLA_SHARE: Record<SlaTier, number> = { urgent: 0.2, regular: 0.6, complex: 0.2 };

export const CUSTOMER_TIER_SHARE: Record<CustomerTier, number> = { key: 0.08, mid: 0.27, general: 0.65 };

/** urgent = respond within 2 h, regular = 12 h, complex = close within 48 h; key customers get tighter clocks. */
export const SLA_RULES: ReadonlyArray<{ slaTier: SlaTier; customerTier: CustomerTier; measure: SlaMeasure; hours: number }> = [
  { slaTier: 'urgent', customerTier: 'key', measure: 'respond', hours: 2 },
  { slaTier: 'urgent', customerTier: 'mid', measure: 'respond', hours: 2 },
  { slaTier: 'urgent', customerTier: 'general', measure: 'respond', hours: 2 },
  { slaTier: 'regular', customerTier: 'key', measure: 'respond', hours: 8 },
  { slaTier: 'regular', customerTier: 'mid', measure: 'respond', hours: 12 },
  { slaTier: 'regular', customerTier: 'general', measure: 'respond', hours: 12 },
  { slaTier: 'complex', customerTier: 'key', measure: 'close', hours: 36 },
  { slaTier: 'complex', customerTier: 'mid', measure: 'close', hours: 48 },
  { slaTier: 'complex', customerTier: 'general', measure: 'close', hours: 48 },
];

export const SITE_KINDS = ['人民医院', '中心医院', '妇幼保健院', '万达广场', '购物中心', '冷链物流园', '生鲜超市', '食品厂', '制药厂', '水务公司',
  '污水处理厂', '写字楼', '酒店', '数据中心', '汽车零部件厂', '化工园区', '大学', '体育馆', '机场航站楼', '高铁站'];

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘'.split('');
export const GIVEN_NAMES = ['伟', '芳', '敏', '静', '强', '磊', '军', '洋', '勇', '杰', '涛', '明', '超', '华', '平', '刚', '建华', '志强', '海峰',
  '晓东', '文博', '子豪', '国庆', '建军', '立新', '思远', '俊杰', '宏伟', '春燕', '玉兰'];

export const SHOP_SUFFIXES = ['机电服务部', '制冷设备维修中心', '技术服务有限公司', '设备工程有限公司', '售后服务站'];
