<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ko">
<context>
    <name>AdminPage</name>
    <message>
        <source>첫 관리자 계정</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>이 기관의 설정과 직원 계정을 관리할 사람입니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>이름(&amp;M) *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>로그인 ID(&amp;L) *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>영문 소문자·숫자 3~32자, 예: kim.cs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>일시</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>사용자</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>작업</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>대상</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>내용</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>대시보드</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>기관</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>직원</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>데이터베이스</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>오늘의 민원 접수·처리, 기한 임박, 만족도 추이는 민원과 만족도 조사 기능이 추가되면 이 화면에 표시됩니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>최근 활동 (감사 기록)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>업무 시간 {start}–{end} · 부서 {n}개</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}명</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>로컬 SQLite</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DepartmentsPage</name>
    <message>
        <source>부서·팀</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>민원을 배정할 부서나 팀을 한 줄에 하나씩 입력하십시오.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>예: 민원행정팀, 맞춤형복지팀. 나중에 설정에서 더 추가할 수 있습니다.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>PCRM Desktop 처음 설정</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HoursPage</name>
    <message>
        <source>업무 시간</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>민원 처리기한을 근무시간으로 셀 때 쓰입니다(하루 8시간). 나중에 설정에서 바꿀 수 있습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>업무 시작</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>점심 시작</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>점심 끝</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>업무 종료</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>기관 정보</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCRM Desktop을 처음 사용합니다. 이 데이터베이스를 쓸 기관을 입력하십시오.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>기관 이름(&amp;N) *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>기관 코드(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>주소(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>대표 전화(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>예: 종로구 청운효자동 행정복지센터</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>행정기관코드 7자리 (선택)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>예: 02-2148-5000</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>이 기능은 아직 준비 중입니다.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>이름</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>로그인 ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>역할</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>부서</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>상태</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>사용</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>중지</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>설정</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>기관 정보</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>부서·직원</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>화면</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>기관 이름 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>기관 코드</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>주소</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>대표 전화</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>업무 시작</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>점심 시작</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>점심 끝</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>업무 종료</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>기관 정보 저장</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>직원 추가: 이름, 로그인 ID, 역할, 부서</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>직원 추가</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>선택한 직원 사용/중지</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>부서 추가</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>새 부서 이름</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>언어 / Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>글자 크기</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>저장하지 못했습니다</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>기관 정보를 저장했습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>직원 &apos;{name}&apos;을(를) 추가했습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>부서 &apos;{name}&apos;을(를) 추가했습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>직원 상태를 바꿨습니다.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>취소</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>예기치 않은 오류가 발생했습니다. 입력한 내용은 저장되지 않았을 수 있습니다.
자세한 내용은 로그 파일에 기록되었습니다: {log}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>{label}을(를) 입력하십시오.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}은(는) {max}자 이내로 입력하십시오.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>기관 코드는 숫자 7자리입니다. 예: 1111051</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>전화번호 형식이 올바르지 않습니다. 예: 02-123-4567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>업무 시간이 올바르지 않습니다. 시작 &lt; 점심 시작 &lt; 점심 끝 &lt; 종료 순서여야 합니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>로그인 ID는 영문 소문자·숫자·점·밑줄·하이픈 3~32자입니다. 예: kim.cs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>로그인 ID &apos;{login}&apos;은(는) 이미 사용 중입니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>부서 &apos;{name}&apos;이(가) 이미 있습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>부서를 하나 이상 입력하십시오.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>알 수 없는 역할입니다: {role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>이 데이터베이스는 이미 초기 설정이 끝났습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>초기 설정이 아직 되지 않았습니다. 프로그램을 실행해 기관 정보를 먼저 입력하십시오.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>직원 &apos;{login}&apos;을(를) 찾을 수 없습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>활성 관리자가 최소 한 명은 있어야 합니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>데모 데이터는 빈 데이터베이스에만 만들 수 있습니다. 실제 자료와 섞이지 않도록 새 파일을 --db로 지정하십시오.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>데이터베이스 파일이 없습니다: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>이 파일은 PCRM 데이터베이스가 아닙니다(SQLite 파일이 아님): {path}
파일은 그대로 두었습니다. 올바른 파일을 지정하거나 백업에서 복원하십시오.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>데이터베이스가 손상되었습니다: {detail}
파일에는 아무것도 쓰지 않았습니다. 최근 백업에서 복원하십시오.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>이 데이터베이스는 더 새로운 버전의 PCRM Desktop이 만든 것입니다(스키마 {revision}).
파일은 그대로 두었습니다. 프로그램을 최신 버전으로 업데이트하십시오.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite 파일이지만 PCRM 데이터베이스가 아닙니다: {path}
파일은 그대로 두었습니다.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>데이터베이스 스키마가 최신이 아닙니다({current} → {head}). &apos;pcrm init&apos;으로 업그레이드하십시오.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>데이터베이스 폴더에 쓸 수 없습니다: {path}
폴더 권한을 확인하거나 --db로 다른 위치를 지정하십시오.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>기관 이름</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>주소</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>부서 이름</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>직원 이름</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>로그인 ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>관리자</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>팀장</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>주무관</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>키오스크</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
