import type { CodeSystem } from './codeSystem';

/** Korean postal codes (five digits since 2015): the first two digits name the province or city. */
export const KOREA: CodeSystem = {
  id: 'kr',
  name: { ko: '한국', en: 'Korea' },
  prefixDigits: 2,
  regions: [
    { from: '01', to: '09', name: { ko: '서울', en: 'Seoul' } },
    { from: '10', to: '20', name: { ko: '경기', en: 'Gyeonggi' } },
    { from: '21', to: '23', name: { ko: '인천', en: 'Incheon' } },
    { from: '24', to: '26', name: { ko: '강원', en: 'Gangwon' } },
    { from: '27', to: '29', name: { ko: '충북', en: 'Chungbuk' } },
    { from: '30', to: '30', name: { ko: '세종', en: 'Sejong' } },
    { from: '31', to: '33', name: { ko: '충남', en: 'Chungnam' } },
    { from: '34', to: '35', name: { ko: '대전', en: 'Daejeon' } },
    { from: '36', to: '40', name: { ko: '경북', en: 'Gyeongbuk' } },
    { from: '41', to: '43', name: { ko: '대구', en: 'Daegu' } },
    { from: '44', to: '45', name: { ko: '울산', en: 'Ulsan' } },
    { from: '46', to: '49', name: { ko: '부산', en: 'Busan' } },
    { from: '50', to: '53', name: { ko: '경남', en: 'Gyeongnam' } },
    { from: '54', to: '56', name: { ko: '전북', en: 'Jeonbuk' } },
    { from: '57', to: '60', name: { ko: '전남', en: 'Jeonnam' } },
    { from: '61', to: '62', name: { ko: '광주', en: 'Gwangju' } },
    { from: '63', to: '63', name: { ko: '제주', en: 'Jeju' } },
  ],
};
