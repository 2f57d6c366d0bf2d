import type { CodeSystem } from './codeSystem';

/** US ZIP codes: the first digit names a group of states. Every first digit is in use. */
export const US_ZIP: CodeSystem = {
  id: 'us',
  name: { ko: '미국 ZIP', en: 'US ZIP' },
  prefixDigits: 1,
  regions: [
    { from: '0', to: '0', name: { ko: '뉴잉글랜드, 뉴저지, 푸에르토리코', en: 'New England, New Jersey, Puerto Rico' } },
    { from: '1', to: '1', name: { ko: '뉴욕, 펜실베이니아, 델라웨어', en: 'New York, Pennsylvania, Delaware' } },
    { from: '2', to: '2', name: { ko: 'DC, 메릴랜드, 버지니아, 웨스트버지니아, 캐롤라이나', en: 'DC, Maryland, Virginia, West Virginia, the Carolinas' } },
    { from: '3', to: '3', name: { ko: '플로리다, 조지아, 앨라배마, 테네시, 미시시피', en: 'Florida, Georgia, Alabama, Tennessee, Mississippi' } },
    { from: '4', to: '4', name: { ko: '인디애나, 켄터키, 미시간, 오하이오', en: 'Indiana, Kentucky, Michigan, Ohio' } },
    { from: '5', to: '5', name: { ko: '아이오와, 미네소타, 몬태나, 다코타, 위스콘신', en: 'Iowa, Minnesota, Montana, the Dakotas, Wisconsin' } },
    { from: '6', to: '6', name: { ko: '일리노이, 캔자스, 미주리, 네브래스카', en: 'Illinois, Kansas, Missouri, Nebraska' } },
    { from: '7', to: '7', name: { ko: '아칸소, 루이지애나, 오클라호마, 텍사스', en: 'Arkansas, Louisiana, Oklahoma, Texas' } },
    { from: '8', to: '8', name: { ko: '산악 주 (애리조나, 콜로라도, 아이다호, 뉴멕시코, 네바다, 유타, 와이오밍)', en: 'the Mountain states (Arizona, Colorado, Idaho, New Mexico, Nevada, Utah, Wyoming)' } },
    { from: '9', to: '9', name: { ko: '태평양 주 (캘리포니아, 오리건, 워싱턴, 알래스카, 하와이)', en: 'the Pacific states (California, Oregon, Washington, Alaska, Hawaii)' } },
  ],
};
