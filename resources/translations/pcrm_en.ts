<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="ko">
<context>
    <name>AdminPage</name>
    <message>
        <source>첫 관리자 계정</source>
        <translation>First administrator account</translation>
    </message>
    <message>
        <source>이 기관의 설정과 직원 계정을 관리할 사람입니다.</source>
        <translation>The person who manages this office's settings and staff accounts.</translation>
    </message>
    <message>
        <source>이름(&amp;M) *</source>
        <translation>Na&amp;me *</translation>
    </message>
    <message>
        <source>로그인 ID(&amp;L) *</source>
        <translation>&amp;Login ID *</translation>
    </message>
    <message>
        <source>영문 소문자·숫자 3~32자, 예: kim.cs</source>
        <translation>3–32 lower-case letters or digits, e.g. kim.cs</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>일시</source>
        <translation>Date/time</translation>
    </message>
    <message>
        <source>사용자</source>
        <translation>User</translation>
    </message>
    <message>
        <source>작업</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>대상</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>대시보드</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>기관</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>직원</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>데이터베이스</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>오늘의 민원 접수·처리, 기한 임박, 만족도 추이는 민원과 만족도 조사 기능이 추가되면 이 화면에 표시됩니다.</source>
        <translation>Today's complaints received and closed, deadlines due and satisfaction trends will appear here once the complaints and survey features are added.</translation>
    </message>
    <message>
        <source>최근 활동 (감사 기록)</source>
        <translation>Recent activity (audit log)</translation>
    </message>
    <message>
        <source>업무 시간 {start}–{end} · 부서 {n}개</source>
        <translation>Office hours {start}–{end} · {n} departments</translation>
    </message>
    <message>
        <source>{n}명</source>
        <translation>{n} staff</translation>
    </message>
    <message>
        <source>로컬 SQLite 파일 · 폴더: {folder}</source>
        <translation>Local SQLite file · folder: {folder}</translation>
    </message>
</context>
<context>
    <name>DepartmentsPage</name>
    <message>
        <source>부서·팀</source>
        <translation>Departments and teams</translation>
    </message>
    <message>
        <source>민원을 배정할 부서나 팀을 한 줄에 하나씩 입력하십시오.</source>
        <translation>Enter the departments or teams that complaints are assigned to, one per line.</translation>
    </message>
    <message>
        <source>예: 민원행정팀, 맞춤형복지팀. 나중에 설정에서 더 추가할 수 있습니다.</source>
        <translation>For example: Civil Affairs Team, Welfare Team. You can add more later in Settings.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>PCRM Desktop 처음 설정</source>
        <translation>PCRM Desktop first-time setup</translation>
    </message>
</context>
<context>
    <name>HoursPage</name>
    <message>
        <source>업무 시간</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <source>민원 처리기한을 근무시간으로 셀 때 쓰입니다(하루 8시간). 나중에 설정에서 바꿀 수 있습니다.</source>
        <translation>Used to count complaint deadlines in working hours (8 a day). You can change them later in Settings.</translation>
    </message>
    <message>
        <source>업무 시작</source>
        <translation>Opens at</translation>
    </message>
    <message>
        <source>점심 시작</source>
        <translation>Lunch from</translation>
    </message>
    <message>
        <source>점심 끝</source>
        <translation>Lunch until</translation>
    </message>
    <message>
        <source>업무 종료</source>
        <translation>Closes at</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>대시보드</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>주민(고객)</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>민원</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>만족도 조사</source>
        <translation>Surveys</translation>
    </message>
    <message>
        <source>보고서</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>설정</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>주민 한 사람에 대한 모든 기록(연락처, 고객집단, 상담·민원·설문 이력)을 한곳에서 찾고 관리하는 화면입니다.</source>
        <translation>Here you will find and manage everything the office knows about a resident (contacts, customer groups, counselling, complaint and survey history) in one place.</translation>
    </message>
    <message>
        <source>민원 접수, 법정 처리기한 계산, 배정·처리·종결, 기한 임박·초과 목록을 다루는 화면입니다.</source>
        <translation>Here you will receive complaints, compute their statutory deadlines, assign, handle and close them, and watch those due soon or overdue.</translation>
    </message>
    <message>
        <source>민원 만족도 설문(키오스크·전화·서면)과 결과 지수를 다루는 화면입니다.</source>
        <translation>Here you will run satisfaction surveys (kiosk, phone, paper) and see their indices.</translation>
    </message>
    <message>
        <source>월간 민원·고객만족 보고서와 민원처리부를 PDF·엑셀로 만드는 화면입니다.</source>
        <translation>Here you will build the monthly complaints and satisfaction report and the complaint register as PDF and Excel.</translation>
    </message>
    <message>
        <source>통합검색: 이름·전화 뒷자리·접수번호 (Ctrl+K) — 주민 기능과 함께 제공됩니다</source>
        <translation>Search by name, phone ending or receipt number (Ctrl+K) — comes with the residents feature</translation>
    </message>
    <message>
        <source>파일(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>종료(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>보기(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>언어 / Language</source>
        <translation>Language / 언어</translation>
    </message>
    <message>
        <source>글자 크기</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>도움말(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>PCRM Desktop 정보</source>
        <translation>About PCRM Desktop</translation>
    </message>
    <message>
        <source>초기 설정 필요</source>
        <translation>Setup needed</translation>
    </message>
    <message>
        <source>사용자: {who}</source>
        <translation>User: {who}</translation>
    </message>
    <message>
        <source>DB: 로컬 ({path})</source>
        <translation>DB: local ({path})</translation>
    </message>
    <message>
        <source>PCRM Desktop {version}
지방자치단체 공공고객관리(PCRM) — 오프라인 민원·고객만족 관리

데이터베이스: {db}</source>
        <translation>PCRM Desktop {version}
Public customer relationship management for local government — offline complaints and satisfaction

Database: {db}</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>기관 정보</source>
        <translation>Office details</translation>
    </message>
    <message>
        <source>PCRM Desktop을 처음 사용합니다. 이 데이터베이스를 쓸 기관을 입력하십시오.</source>
        <translation>PCRM Desktop is being used for the first time. Enter the office that will use this database.</translation>
    </message>
    <message>
        <source>기관 이름(&amp;N) *</source>
        <translation>Office &amp;name *</translation>
    </message>
    <message>
        <source>기관 코드(&amp;C)</source>
        <translation>Office &amp;code</translation>
    </message>
    <message>
        <source>주소(&amp;A)</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>대표 전화(&amp;P)</source>
        <translation>Main &amp;phone</translation>
    </message>
    <message>
        <source>예: 종로구 청운효자동 행정복지센터</source>
        <translation>e.g. Cheongunhyoja-dong Community Service Center, Jongno-gu</translation>
    </message>
    <message>
        <source>행정기관코드 7자리 (선택)</source>
        <translation>7-digit government office code (optional)</translation>
    </message>
    <message>
        <source>예: 02-2148-5000</source>
        <translation>e.g. 02-2148-5000</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>이 기능은 아직 준비 중입니다.</source>
        <translation>This feature is not available yet.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>로그인 ID</source>
        <translation>Login ID</translation>
    </message>
    <message>
        <source>역할</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>부서</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>사용</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>중지</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>설정</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>기관 정보</source>
        <translation>Office details</translation>
    </message>
    <message>
        <source>부서·직원</source>
        <translation>Departments and staff</translation>
    </message>
    <message>
        <source>화면</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>기관 이름 *</source>
        <translation>Office name *</translation>
    </message>
    <message>
        <source>기관 코드</source>
        <translation>Office code</translation>
    </message>
    <message>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>대표 전화</source>
        <translation>Main phone</translation>
    </message>
    <message>
        <source>업무 시작</source>
        <translation>Opens at</translation>
    </message>
    <message>
        <source>점심 시작</source>
        <translation>Lunch from</translation>
    </message>
    <message>
        <source>점심 끝</source>
        <translation>Lunch until</translation>
    </message>
    <message>
        <source>업무 종료</source>
        <translation>Closes at</translation>
    </message>
    <message>
        <source>기관 정보 저장</source>
        <translation>Save office details</translation>
    </message>
    <message>
        <source>직원 추가: 이름, 로그인 ID, 역할, 부서</source>
        <translation>Add staff member: name, login ID, role, department</translation>
    </message>
    <message>
        <source>직원 추가</source>
        <translation>Add staff member</translation>
    </message>
    <message>
        <source>선택한 직원 사용/중지</source>
        <translation>Activate/suspend selected staff member</translation>
    </message>
    <message>
        <source>부서 추가</source>
        <translation>Add department</translation>
    </message>
    <message>
        <source>새 부서 이름</source>
        <translation>New department name</translation>
    </message>
    <message>
        <source>언어 / Language</source>
        <translation>Language / 언어</translation>
    </message>
    <message>
        <source>글자 크기</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>저장하지 못했습니다</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>기관 정보를 저장했습니다.</source>
        <translation>Office details saved.</translation>
    </message>
    <message>
        <source>직원 '{name}'을(를) 추가했습니다.</source>
        <translation>Staff member '{name}' added.</translation>
    </message>
    <message>
        <source>부서 '{name}'을(를) 추가했습니다.</source>
        <translation>Department '{name}' added.</translation>
    </message>
    <message>
        <source>직원 상태를 바꿨습니다.</source>
        <translation>Staff member status changed.</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>예기치 않은 오류가 발생했습니다. 입력한 내용은 저장되지 않았을 수 있습니다.
자세한 내용은 로그 파일에 기록되었습니다: {log}</source>
        <translation>An unexpected error occurred. What you entered may not have been saved.
Details were written to the log file: {log}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>관리자</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>팀장</source>
        <translation>Team leader</translation>
    </message>
    <message>
        <source>주무관</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>키오스크</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>기관 초기 설정</source>
        <translation>Office set up</translation>
    </message>
    <message>
        <source>기관 정보 변경</source>
        <translation>Office details changed</translation>
    </message>
    <message>
        <source>부서 추가</source>
        <translation>Add department</translation>
    </message>
    <message>
        <source>직원 추가</source>
        <translation>Add staff member</translation>
    </message>
    <message>
        <source>직원 사용</source>
        <translation>Staff member activated</translation>
    </message>
    <message>
        <source>직원 중지</source>
        <translation>Staff member suspended</translation>
    </message>
    <message>
        <source>데모 데이터 생성</source>
        <translation>Demo data created</translation>
    </message>
    <message>
        <source>시스템</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>{label}을(를) 입력하십시오.</source>
        <translation>Please enter the {label}.</translation>
    </message>
    <message>
        <source>{label}은(는) {max}자 이내로 입력하십시오.</source>
        <translation>The {label} must be at most {max} characters.</translation>
    </message>
    <message>
        <source>기관 코드는 숫자 7자리입니다. 예: 1111051</source>
        <translation>The office code has 7 digits, e.g. 1111051.</translation>
    </message>
    <message>
        <source>전화번호 형식이 올바르지 않습니다. 예: 02-123-4567</source>
        <translation>The phone number is not in a valid format, e.g. 02-123-4567.</translation>
    </message>
    <message>
        <source>업무 시간이 올바르지 않습니다. 시작 &lt; 점심 시작 &lt; 점심 끝 &lt; 종료 순서여야 합니다.</source>
        <translation>The office hours are not valid: they must run opening &lt; lunch start &lt; lunch end &lt; closing.</translation>
    </message>
    <message>
        <source>로그인 ID는 영문 소문자·숫자·점·밑줄·하이픈 3~32자입니다. 예: kim.cs</source>
        <translation>A login ID has 3–32 lower-case letters, digits, dots, underscores or hyphens, e.g. kim.cs.</translation>
    </message>
    <message>
        <source>로그인 ID '{login}'은(는) 이미 사용 중입니다.</source>
        <translation>The login ID '{login}' is already in use.</translation>
    </message>
    <message>
        <source>부서 '{name}'이(가) 이미 있습니다.</source>
        <translation>The department '{name}' already exists.</translation>
    </message>
    <message>
        <source>부서를 하나 이상 입력하십시오.</source>
        <translation>Enter at least one department.</translation>
    </message>
    <message>
        <source>알 수 없는 역할입니다: {role}</source>
        <translation>Unknown role: {role}</translation>
    </message>
    <message>
        <source>이 데이터베이스는 이미 초기 설정이 끝났습니다.</source>
        <translation>This database has already been set up.</translation>
    </message>
    <message>
        <source>초기 설정이 아직 되지 않았습니다. 프로그램을 실행해 기관 정보를 먼저 입력하십시오.</source>
        <translation>The database has not been set up yet. Start the program and enter the office details first.</translation>
    </message>
    <message>
        <source>직원 '{login}'을(를) 찾을 수 없습니다.</source>
        <translation>Staff member '{login}' was not found.</translation>
    </message>
    <message>
        <source>활성 관리자가 최소 한 명은 있어야 합니다.</source>
        <translation>There must be at least one active administrator.</translation>
    </message>
    <message>
        <source>데모 데이터는 빈 데이터베이스에만 만들 수 있습니다. 실제 자료와 섞이지 않도록 새 파일을 --db로 지정하십시오.</source>
        <translation>Demo data can only be created in an empty database. Name a new file with --db so that it is never mixed with real data.</translation>
    </message>
    <message>
        <source>데이터베이스 파일이 없습니다: {path}</source>
        <translation>The database file does not exist: {path}</translation>
    </message>
    <message>
        <source>이 파일은 PCRM 데이터베이스가 아닙니다(SQLite 파일이 아님): {path}
파일은 그대로 두었습니다. 올바른 파일을 지정하거나 백업에서 복원하십시오.</source>
        <translation>This file is not a PCRM database (not an SQLite file): {path}
The file was left as it is. Name the right file or restore from a backup.</translation>
    </message>
    <message>
        <source>데이터베이스가 손상되었습니다: {detail}
파일에는 아무것도 쓰지 않았습니다. 최근 백업에서 복원하십시오.</source>
        <translation>The database is damaged: {detail}
Nothing was written to the file. Restore the latest backup.</translation>
    </message>
    <message>
        <source>이 데이터베이스는 더 새로운 버전의 PCRM Desktop이 만든 것입니다(스키마 {revision}).
파일은 그대로 두었습니다. 프로그램을 최신 버전으로 업데이트하십시오.</source>
        <translation>This database was written by a newer version of PCRM Desktop (schema {revision}).
The file was left as it is. Please update the program.</translation>
    </message>
    <message>
        <source>SQLite 파일이지만 PCRM 데이터베이스가 아닙니다: {path}
파일은 그대로 두었습니다.</source>
        <translation>This is an SQLite file but not a PCRM database: {path}
The file was left as it is.</translation>
    </message>
    <message>
        <source>데이터베이스 스키마가 최신이 아닙니다({current} → {head}). 'pcrm init'으로 업그레이드하십시오.</source>
        <translation>The database schema is out of date ({current} → {head}). Upgrade it with 'pcrm init'.</translation>
    </message>
    <message>
        <source>데이터베이스 폴더에 쓸 수 없습니다: {path}
폴더 권한을 확인하거나 --db로 다른 위치를 지정하십시오.</source>
        <translation>Cannot write to the database folder: {path}
Check the folder's permissions or name another location with --db.</translation>
    </message>
    <message>
        <source>기관 이름</source>
        <translation>office name</translation>
    </message>
    <message>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>부서 이름</source>
        <translation>department name</translation>
    </message>
    <message>
        <source>직원 이름</source>
        <translation>staff member's name</translation>
    </message>
    <message>
        <source>로그인 ID</source>
        <translation>Login ID</translation>
    </message>
</context>
</TS>