import type { Messages } from './en';

export const ko: Messages = {
  title: '우편번호 인식기',
  subtitle: '상자마다 숫자를 하나씩 쓰고 인식을 누르세요.',
  actions: {
    erase: '지우기',
    show: '보기',
    recognize: '인식',
    quit: '종료',
    eraseBox: '{{n}}번 상자 지우기',
  },
  box: '{{n}}번 상자',
  result: {
    empty: '비어 있음',
    confidence: '확신도 {{percent}}%',
    unsure: '불확실',
    postalCode: '우편번호',
    copy: '복사',
    copied: '{{code}} 복사됨',
    none: '아직 인식한 것이 없습니다',
  },
  inputs: { title: '신경망이 보는 입력 (28×28)', empty: '비어 있음' },
  status: { model: '모델', backend: '엔진', sound: '소리', language: '언어', recognizing: '인식 중…' },
  about: {
    title: '정보',
    body: 'MNIST로 학습한 신경망으로 손글씨 우편번호를 읽습니다.',
    model: '사용 중인 모델',
    accuracy: 'MNIST 테스트 정확도',
    trained: '학습',
    backend: 'TensorFlow.js 백엔드',
    versions: '버전',
    close: '닫기',
  },
  notices: {
    quitBrowser: '이제 이 탭을 닫아도 됩니다.',
    quitKiosk: '키오스크 모드: 교사는 Ctrl+Alt+Shift+Q로 종료합니다.',
    modelSwitched: '이제 {{model}}을(를) 사용합니다.',
    failed: '문제가 생겼습니다: {{message}}',
  },
};
