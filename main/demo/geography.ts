// Facts about China's provincial-level divisions and their main prefecture-level cities, for the demo organisation.
// Populations: 2020 census, in 万 (10,000 people). Wage index: average urban wage relative to the national average.
// Service intensity: installed base per head relative to the national average (richer, more industrial = more).
// City coordinates are approximate city-centre positions; municipalities list districts instead of cities. The cities
// listed stand for their whole province: the generator scales their populations to the province's total.

export interface ProvinceFacts {
  adcode: string;
  nameEn: string;
  capitalZh: string;
  population万: number;
  wageIndex: number;
  serviceIntensity: number;
  /** "name|English|lng|lat|population万"; the first is the capital. */
  cities: string[];
}

export const PROVINCE_FACTS: ProvinceFacts[] = [
  { adcode: '110000', nameEn: 'Beijing', capitalZh: '北京', population万: 2189, wageIndex: 1.87, serviceIntensity: 3.0,
    cities: ['东城|Dongcheng|116.42|39.93|71', '朝阳|Chaoyang|116.44|39.92|345', '海淀|Haidian|116.30|39.96|313', '丰台|Fengtai|116.29|39.86|202', '通州|Tongzhou|116.66|39.91|184', '大兴|Daxing|116.34|39.73|199', '昌平|Changping|116.23|40.22|227', '顺义|Shunyi|116.65|40.13|132'] },
  { adcode: '120000', nameEn: 'Tianjin', capitalZh: '天津', population万: 1387, wageIndex: 1.18, serviceIntensity: 1.3,
    cities: ['和平|Heping|117.20|39.12|35', '滨海新区|Binhai|117.70|39.00|206', '武清|Wuqing|117.04|39.38|115', '西青|Xiqing|117.01|39.14|120', '津南|Jinnan|117.36|38.94|93'] },
  { adcode: '130000', nameEn: 'Hebei', capitalZh: '石家庄', population万: 7461, wageIndex: 0.81, serviceIntensity: 0.7,
    cities: ['石家庄|Shijiazhuang|114.51|38.04|1124', '唐山|Tangshan|118.18|39.63|772', '保定|Baoding|115.46|38.87|924', '邯郸|Handan|114.54|36.63|941', '廊坊|Langfang|116.68|39.54|546', '沧州|Cangzhou|116.84|38.30|730', '邢台|Xingtai|114.50|37.07|711', '张家口|Zhangjiakou|114.88|40.82|412', '秦皇岛|Qinhuangdao|119.60|39.94|314', '承德|Chengde|117.96|40.95|335', '衡水|Hengshui|115.67|37.74|421'] },
  { adcode: '140000', nameEn: 'Shanxi', capitalZh: '太原', population万: 3492, wageIndex: 0.84, serviceIntensity: 0.7,
    cities: ['太原|Taiyuan|112.55|37.87|530', '大同|Datong|113.30|40.08|310', '长治|Changzhi|113.12|36.20|318', '运城|Yuncheng|111.00|35.03|477', '临汾|Linfen|111.52|36.09|398', '晋中|Jinzhong|112.75|37.69|338'] },
  { adcode: '150000', nameEn: 'Inner Mongolia', capitalZh: '呼和浩特', population万: 2405, wageIndex: 0.92, serviceIntensity: 1.0,
    cities: ['呼和浩特|Hohhot|111.67|40.82|345', '包头|Baotou|109.84|40.66|271', '鄂尔多斯|Ordos|109.78|39.61|216', '赤峰|Chifeng|118.89|42.26|404', '通辽|Tongliao|122.24|43.65|287', '呼伦贝尔|Hulunbuir|119.77|49.21|224'] },
  { adcode: '210000', nameEn: 'Liaoning', capitalZh: '沈阳', population万: 4259, wageIndex: 0.86, serviceIntensity: 0.8,
    cities: ['沈阳|Shenyang|123.43|41.80|907', '大连|Dalian|121.61|38.91|745', '鞍山|Anshan|122.99|41.11|332', '锦州|Jinzhou|121.13|41.10|270', '营口|Yingkou|122.24|40.67|233', '丹东|Dandong|124.35|40.00|219'] },
  { adcode: '220000', nameEn: 'Jilin', capitalZh: '长春', population万: 2407, wageIndex: 0.83, serviceIntensity: 0.7,
    cities: ['长春|Changchun|125.32|43.89|907', '吉林|Jilin|126.55|43.84|362', '四平|Siping|124.35|43.17|181', '延吉|Yanji|129.51|42.89|194', '松原|Songyuan|124.83|45.14|225'] },
  { adcode: '230000', nameEn: 'Heilongjiang', capitalZh: '哈尔滨', population万: 3185, wageIndex: 0.8, serviceIntensity: 0.6,
    cities: ['哈尔滨|Harbin|126.64|45.76|1001', '齐齐哈尔|Qiqihar|123.92|47.35|407', '大庆|Daqing|125.10|46.59|278', '牡丹江|Mudanjiang|129.63|44.55|229', '佳木斯|Jiamusi|130.32|46.80|216'] },
  { adcode: '310000', nameEn: 'Shanghai', capitalZh: '上海', population万: 2487, wageIndex: 1.76, serviceIntensity: 2.2,
    cities: ['黄浦|Huangpu|121.49|31.23|66', '浦东新区|Pudong|121.54|31.22|568', '闵行|Minhang|121.38|31.11|265', '宝山|Baoshan|121.49|31.40|223', '嘉定|Jiading|121.27|31.38|183', '松江|Songjiang|121.23|31.03|191', '青浦|Qingpu|121.12|31.15|127'] },
  { adcode: '320000', nameEn: 'Jiangsu', capitalZh: '南京', population万: 8475, wageIndex: 1.05, serviceIntensity: 1.7,
    cities: ['南京|Nanjing|118.80|32.06|931', '苏州|Suzhou|120.58|31.30|1275', '无锡|Wuxi|120.30|31.57|746', '常州|Changzhou|119.97|31.81|528', '南通|Nantong|120.89|31.98|773', '徐州|Xuzhou|117.28|34.20|908', '扬州|Yangzhou|119.41|32.39|456', '盐城|Yancheng|120.16|33.35|671', '淮安|Huai\'an|119.02|33.61|455', '连云港|Lianyungang|119.22|34.60|460', '泰州|Taizhou|119.92|32.46|451', '镇江|Zhenjiang|119.42|32.19|321', '宿迁|Suqian|118.28|33.96|499'] },
  { adcode: '330000', nameEn: 'Zhejiang', capitalZh: '杭州', population万: 6457, wageIndex: 1.11, serviceIntensity: 1.4,
    cities: ['杭州|Hangzhou|120.16|30.28|1194', '宁波|Ningbo|121.55|29.87|940', '温州|Wenzhou|120.70|28.00|957', '嘉兴|Jiaxing|120.76|30.75|540', '绍兴|Shaoxing|120.58|30.00|527', '金华|Jinhua|119.65|29.08|705', '台州|Taizhou|121.42|28.66|662', '湖州|Huzhou|120.09|30.89|337', '衢州|Quzhou|118.87|28.94|228', '丽水|Lishui|119.92|28.47|251'] },
  { adcode: '340000', nameEn: 'Anhui', capitalZh: '合肥', population万: 6103, wageIndex: 0.91, serviceIntensity: 0.9,
    cities: ['合肥|Hefei|117.23|31.82|937', '芜湖|Wuhu|118.38|31.33|364', '蚌埠|Bengbu|117.39|32.92|330', '阜阳|Fuyang|115.81|32.89|820', '安庆|Anqing|117.05|30.53|417', '马鞍山|Ma\'anshan|118.51|31.67|216', '六安|Lu\'an|116.52|31.74|440', '滁州|Chuzhou|118.32|32.30|399'] },
  { adcode: '350000', nameEn: 'Fujian', capitalZh: '福州', population万: 4154, wageIndex: 0.93, serviceIntensity: 1.4,
    cities: ['福州|Fuzhou|119.30|26.08|829', '厦门|Xiamen|118.09|24.48|516', '泉州|Quanzhou|118.68|24.87|878', '漳州|Zhangzhou|117.65|24.51|505', '莆田|Putian|119.01|25.45|321', '龙岩|Longyan|117.02|25.08|272', '三明|Sanming|117.64|26.26|249'] },
  { adcode: '360000', nameEn: 'Jiangxi', capitalZh: '南昌', population万: 4519, wageIndex: 0.85, serviceIntensity: 0.8,
    cities: ['南昌|Nanchang|115.86|28.68|626', '赣州|Ganzhou|114.93|25.83|898', '九江|Jiujiang|116.00|29.71|460', '上饶|Shangrao|117.94|28.45|649', '宜春|Yichun|114.42|27.81|500', '吉安|Ji\'an|114.99|27.11|447'] },
  { adcode: '370000', nameEn: 'Shandong', capitalZh: '济南', population万: 10153, wageIndex: 0.89, serviceIntensity: 1.0,
    cities: ['济南|Jinan|117.00|36.67|920', '青岛|Qingdao|120.38|36.07|1007', '烟台|Yantai|121.45|37.46|710', '潍坊|Weifang|119.16|36.71|939', '临沂|Linyi|118.36|35.10|1102', '济宁|Jining|116.59|35.41|836', '淄博|Zibo|118.05|36.81|470', '菏泽|Heze|115.48|35.23|880', '德州|Dezhou|116.36|37.43|561', '聊城|Liaocheng|115.99|36.46|595', '泰安|Tai\'an|117.09|36.20|547', '威海|Weihai|122.12|37.51|291', '日照|Rizhao|119.53|35.42|297', '滨州|Binzhou|118.02|37.38|393', '枣庄|Zaozhuang|117.32|34.81|386', '东营|Dongying|118.67|37.43|219'] },
  { adcode: '410000', nameEn: 'Henan', capitalZh: '郑州', population万: 9937, wageIndex: 0.72, serviceIntensity: 0.8,
    cities: ['郑州|Zhengzhou|113.63|34.75|1260', '洛阳|Luoyang|112.45|34.62|706', '南阳|Nanyang|112.53|33.00|971', '周口|Zhoukou|114.70|33.63|903', '商丘|Shangqiu|115.66|34.41|782', '新乡|Xinxiang|113.93|35.30|625', '信阳|Xinyang|114.09|32.15|623', '驻马店|Zhumadian|114.02|33.01|701', '开封|Kaifeng|114.31|34.80|483', '安阳|Anyang|114.39|36.10|548', '平顶山|Pingdingshan|113.19|33.77|499', '许昌|Xuchang|113.85|34.04|438'] },
  { adcode: '420000', nameEn: 'Hubei', capitalZh: '武汉', population万: 5775, wageIndex: 0.93, serviceIntensity: 1.0,
    cities: ['武汉|Wuhan|114.31|30.59|1245', '襄阳|Xiangyang|112.14|32.04|526', '宜昌|Yichang|111.29|30.69|402', '荆州|Jingzhou|112.24|30.33|523', '黄冈|Huanggang|114.87|30.45|588', '孝感|Xiaogan|113.92|30.92|427', '十堰|Shiyan|110.80|32.63|321'] },
  { adcode: '430000', nameEn: 'Hunan', capitalZh: '长沙', population万: 6644, wageIndex: 0.85, serviceIntensity: 0.8,
    cities: ['长沙|Changsha|112.94|28.23|1005', '株洲|Zhuzhou|113.13|27.83|390', '衡阳|Hengyang|112.57|26.89|665', '岳阳|Yueyang|113.13|29.36|505', '常德|Changde|111.70|29.03|528', '邵阳|Shaoyang|111.47|27.24|657', '郴州|Chenzhou|113.01|25.77|467', '怀化|Huaihua|110.00|27.57|459'] },
  { adcode: '440000', nameEn: 'Guangdong', capitalZh: '广州', population万: 12601, wageIndex: 1.11, serviceIntensity: 1.3,
    cities: ['广州|Guangzhou|113.26|23.13|1868', '深圳|Shenzhen|114.06|22.54|1756', '东莞|Dongguan|113.75|23.02|1047', '佛山|Foshan|113.12|23.02|950', '惠州|Huizhou|114.42|23.11|604', '中山|Zhongshan|113.39|22.52|442', '江门|Jiangmen|113.08|22.58|480', '珠海|Zhuhai|113.58|22.27|244', '汕头|Shantou|116.68|23.35|550', '湛江|Zhanjiang|110.36|21.27|698', '茂名|Maoming|110.93|21.66|618', '肇庆|Zhaoqing|112.47|23.05|411', '揭阳|Jieyang|116.37|23.55|558', '清远|Qingyuan|113.06|23.68|397', '韶关|Shaoguan|113.60|24.81|286', '梅州|Meizhou|116.12|24.29|387'] },
  { adcode: '450000', nameEn: 'Guangxi', capitalZh: '南宁', population万: 5013, wageIndex: 0.86, serviceIntensity: 0.6,
    cities: ['南宁|Nanning|108.37|22.82|874', '柳州|Liuzhou|109.42|24.33|416', '桂林|Guilin|110.29|25.27|493', '玉林|Yulin|110.18|22.65|580', '梧州|Wuzhou|111.28|23.48|282', '北海|Beihai|109.12|21.48|185'] },
  { adcode: '460000', nameEn: 'Hainan', capitalZh: '海口', population万: 1008, wageIndex: 0.95, serviceIntensity: 0.8,
    cities: ['海口|Haikou|110.20|20.04|287', '三亚|Sanya|109.51|18.25|103', '儋州|Danzhou|109.58|19.52|95'] },
  { adcode: '500000', nameEn: 'Chongqing', capitalZh: '重庆', population万: 3205, wageIndex: 0.97, serviceIntensity: 1.1,
    cities: ['渝中|Yuzhong|106.57|29.55|59', '江北|Jiangbei|106.57|29.61|93', '万州|Wanzhou|108.41|30.81|156', '涪陵|Fuling|107.39|29.70|112', '永川|Yongchuan|105.93|29.36|115', '合川|Hechuan|106.28|29.97|124'] },
  { adcode: '510000', nameEn: 'Sichuan', capitalZh: '成都', population万: 8367, wageIndex: 0.93, serviceIntensity: 0.8,
    cities: ['成都|Chengdu|104.07|30.66|2094', '绵阳|Mianyang|104.68|31.47|487', '南充|Nanchong|106.11|30.84|561', '宜宾|Yibin|104.64|28.75|459', '泸州|Luzhou|105.44|28.87|425', '德阳|Deyang|104.40|31.13|346', '达州|Dazhou|107.47|31.21|539', '乐山|Leshan|103.77|29.55|316', '攀枝花|Panzhihua|101.72|26.58|121'] },
  { adcode: '520000', nameEn: 'Guizhou', capitalZh: '贵阳', population万: 3856, wageIndex: 0.91, serviceIntensity: 0.6,
    cities: ['贵阳|Guiyang|106.63|26.65|599', '遵义|Zunyi|106.93|27.73|661', '六盘水|Liupanshui|104.83|26.59|303', '毕节|Bijie|105.29|27.30|690', '安顺|Anshun|105.93|26.25|247'] },
  { adcode: '530000', nameEn: 'Yunnan', capitalZh: '昆明', population万: 4721, wageIndex: 0.94, serviceIntensity: 0.7,
    cities: ['昆明|Kunming|102.83|24.88|846', '曲靖|Qujing|103.80|25.49|577', '蒙自|Mengzi|103.38|23.37|448', '大理|Dali|100.27|25.61|334', '玉溪|Yuxi|102.55|24.35|225', '昭通|Zhaotong|103.72|27.34|509'] },
  { adcode: '540000', nameEn: 'Tibet', capitalZh: '拉萨', population万: 365, wageIndex: 1.4, serviceIntensity: 0.7,
    cities: ['拉萨|Lhasa|91.13|29.66|87', '日喀则|Shigatse|88.88|29.27|80', '昌都|Qamdo|97.17|31.14|76', '林芝|Nyingchi|94.36|29.65|24'] },
  { adcode: '610000', nameEn: 'Shaanxi', capitalZh: '西安', population万: 3953, wageIndex: 0.89, serviceIntensity: 0.9,
    cities: ['西安|Xi\'an|108.94|34.34|1296', '宝鸡|Baoji|107.24|34.36|332', '咸阳|Xianyang|108.71|34.33|396', '渭南|Weinan|109.51|34.50|469', '榆林|Yulin|109.73|38.29|362', '汉中|Hanzhong|107.02|33.07|321', '延安|Yan\'an|109.49|36.59|228'] },
  { adcode: '620000', nameEn: 'Gansu', capitalZh: '兰州', population万: 2502, wageIndex: 0.86, serviceIntensity: 0.56,
    cities: ['兰州|Lanzhou|103.83|36.06|436', '天水|Tianshui|105.72|34.58|298', '白银|Baiyin|104.14|36.55|151', '酒泉|Jiuquan|98.49|39.73|106', '张掖|Zhangye|100.45|38.93|113', '武威|Wuwei|102.64|37.93|146', '庆阳|Qingyang|107.64|35.71|218', '平凉|Pingliang|106.67|35.54|185', '定西|Dingxi|104.63|35.58|252', '陇南|Longnan|104.92|33.40|240', '嘉峪关|Jiayuguan|98.29|39.77|31'] },
  { adcode: '630000', nameEn: 'Qinghai', capitalZh: '西宁', population万: 592, wageIndex: 1.06, serviceIntensity: 0.7,
    cities: ['西宁|Xining|101.78|36.62|247', '海东|Haidong|102.10|36.50|136', '格尔木|Golmud|94.90|36.40|47'] },
  { adcode: '640000', nameEn: 'Ningxia', capitalZh: '银川', population万: 720, wageIndex: 1.0, serviceIntensity: 0.7,
    cities: ['银川|Yinchuan|106.23|38.49|286', '石嘴山|Shizuishan|106.38|39.02|75', '吴忠|Wuzhong|106.20|37.99|138', '固原|Guyuan|106.24|36.01|114'] },
  { adcode: '650000', nameEn: 'Xinjiang', capitalZh: '乌鲁木齐', population万: 2585, wageIndex: 0.95, serviceIntensity: 0.7,
    cities: ['乌鲁木齐|Urumqi|87.62|43.83|405', '克拉玛依|Karamay|84.89|45.58|49', '喀什|Kashgar|75.99|39.47|450', '伊宁|Yining|81.32|43.92|285', '阿克苏|Aksu|80.26|41.17|271', '库尔勒|Korla|86.15|41.76|161', '哈密|Hami|93.51|42.82|67', '昌吉|Changji|87.30|44.01|161'] },
  { adcode: '710000', nameEn: 'Taiwan', capitalZh: '台北', population万: 2356, wageIndex: 1.6, serviceIntensity: 0.3,
    cities: ['台北|Taipei|121.51|25.04|260', '新北|New Taipei|121.47|25.01|400', '台中|Taichung|120.68|24.14|282', '高雄|Kaohsiung|120.31|22.63|276', '台南|Tainan|120.21|22.99|186'] },
  { adcode: '810000', nameEn: 'Hong Kong', capitalZh: '香港', population万: 747, wageIndex: 2.5, serviceIntensity: 0.5,
    cities: ['九龙|Kowloon|114.18|22.32|226', '香港岛|Hong Kong Island|114.17|22.28|125', '新界|New Territories|114.13|22.40|396'] },
  { adcode: '820000', nameEn: 'Macao', capitalZh: '澳门', population万: 68, wageIndex: 2.3, serviceIntensity: 0.5,
    cities: ['澳门|Macao|113.55|22.20|68'] },
];

/**
 * The direct team: engineers per province, concentrated in the east and in core cities. Everything else is served by
 * certified partner shops. 甘肃 keeps the three engineers of the classic loss-making case.
 */
export const DIRECT_TEAM: Record<string, number> = {
  '440000': 18, '320000': 14, '330000': 13, '370000': 11, '310000': 6, '110000': 6, '350000': 6, '420000': 6,
  '510000': 7, '410000': 7, '430000': 5, '340000': 5, '120000': 2, '500000': 3, '610000': 4, '130000': 4, '620000': 3,
};
