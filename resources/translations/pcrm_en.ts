<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="ko">
<context>
    <name>AboutDialog</name>
    <message>
        <source>버전</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>데이터베이스 파일</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>데이터베이스 서버</source>
        <translation>Database server</translation>
    </message>
    <message>
        <source>데이터 폴더</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>로그 파일</source>
        <translation>Log file</translation>
    </message>
    <message>
        <source>데이터베이스 스키마</source>
        <translation>Database schema</translation>
    </message>
    <message>
        <source>이 프로그램의 스키마</source>
        <translation>Schema of this program</translation>
    </message>
    <message>
        <source>실행 형태</source>
        <translation>Running from</translation>
    </message>
    <message>
        <source>설치본 (PyInstaller 번들)</source>
        <translation>Installed copy (PyInstaller bundle)</translation>
    </message>
    <message>
        <source>소스 코드에서 실행</source>
        <translation>Source code</translation>
    </message>
    <message>
        <source>구성요소</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>라이선스</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>알 수 없음</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>구성 요소와 라이선스</source>
        <translation>Components and licences</translation>
    </message>
    <message>
        <source>라이선스 전문</source>
        <translation>Licence text</translation>
    </message>
    <message>
        <source>PCRM Desktop 정보</source>
        <translation>About PCRM Desktop</translation>
    </message>
    <message>
        <source>지방자치단체 공공고객관리(PCRM) — 오프라인 민원·고객만족 관리</source>
        <translation>Public customer relationship management for local government — offline complaints and satisfaction</translation>
    </message>
    <message>
        <source>정보</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>오픈소스 라이선스</source>
        <translation>Open-source licences</translation>
    </message>
    <message>
        <source>정보 복사</source>
        <translation>Copy information</translation>
    </message>
    <message>
        <source>위 정보를 클립보드에 복사합니다 (문의할 때 붙여 넣기)</source>
        <translation>Copies the information above to the clipboard (to paste into a support request)</translation>
    </message>
    <message>
        <source>PCRM Desktop에 함께 들어 있는 공개 소프트웨어입니다. 항목을 고르면 아래에 라이선스 전문이 나옵니다. Qt와 PySide6는 LGPL-3.0에 따라 고치지 않은 공유 라이브러리로 들어 있어, 프로그램 폴더에서 호환되는 다른 버전으로 바꿀 수 있습니다.</source>
        <translation>The open-source software included in PCRM Desktop. Choose one to read its full licence below. Qt and PySide6 are included unmodified as shared libraries under the LGPL-3.0, so they can be replaced with another compatible version in the program folder.</translation>
    </message>
    <message>
        <source>불러오는 중…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>확인하는 중…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>읽지 못했습니다. {reason}</source>
        <translation>Could not be read. {reason}</translation>
    </message>
    <message>
        <source>없음 (빈 데이터베이스)</source>
        <translation>None (an empty database)</translation>
    </message>
    <message>
        <source>{revision} (최신)</source>
        <translation>{revision} (current)</translation>
    </message>
    <message>
        <source>{revision} — 이 프로그램은 {expected}을(를) 씁니다</source>
        <translation>{revision} — this program uses {expected}</translation>
    </message>
    <message>
        <source>라이선스 정보를 읽지 못했습니다: {error}</source>
        <translation>The licence information could not be read: {error}</translation>
    </message>
    <message>
        <source>이 구성요소의 라이선스 전문이 이 설치본에 없습니다. 프로그램 폴더의 THIRD_PARTY_LICENSES.txt를 보십시오.</source>
        <translation>This component's full licence text is not in this installation. See THIRD_PARTY_LICENSES.txt in the program folder.</translation>
    </message>
</context>
<context>
    <name>AccessLogPage</name>
    <message>
        <source>일시</source>
        <translation>Date/time</translation>
    </message>
    <message>
        <source>계정</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>컴퓨터</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>행위</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>대상</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>이상 징후</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>접속기록 검토</source>
        <translation>Access log review</translation>
    </message>
    <message>
        <source>기간</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>종류</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>점검표 달</source>
        <translation>Review month</translation>
    </message>
    <message>
        <source>주민 번호 또는 이름</source>
        <translation>Resident number or name</translation>
    </message>
    <message>
        <source>접속기록</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>점검 결과</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>주민의 번호(예: 12)나 이름으로 그 주민의 정보에 접근한 기록만 봅니다.</source>
        <translation>Shows only the entries on one resident's data, found by record number (e.g. 12) or name.</translation>
    </message>
    <message>
        <source>이상 징후만</source>
        <translation>Flagged only</translation>
    </message>
    <message>
        <source>무결성 검사</source>
        <translation>Check integrity</translation>
    </message>
    <message>
        <source>처음 기록부터 해시 체인을 다시 계산해, 고치거나 지운 기록이 없는지 확인합니다.</source>
        <translation>Recomputes the hash chain from the first entry to make sure no entry was changed or deleted.</translation>
    </message>
    <message>
        <source>월간 접속기록 PDF…</source>
        <translation>Monthly access log PDF…</translation>
    </message>
    <message>
        <source>그 달의 계정별 기록 수, 이상 징후, 출력·반출 목록, 무결성 검사 결과와 검토자 서명란</source>
        <translation>The month's entries per account, flags, prints and exports, the integrity check and a box for the reviewer's signature</translation>
    </message>
    <message>
        <source>모든 계정</source>
        <translation>All accounts</translation>
    </message>
    <message>
        <source>모든 종류</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>기간의 끝이 시작보다 앞섭니다.</source>
        <translation>The end of the period is before its start.</translation>
    </message>
    <message>
        <source>이상 징후를 찾는 중…</source>
        <translation>Looking for unusual patterns…</translation>
    </message>
    <message>
        <source>조건에 맞는 기록이 없습니다.</source>
        <translation>No entries match.</translation>
    </message>
    <message>
        <source>{n}건 표시{more}</source>
        <translation>{n} shown{more}</translation>
    </message>
    <message>
        <source> (아래로 내리면 더 불러옵니다)</source>
        <translation> (scroll down to load more)</translation>
    </message>
    <message>
        <source>기간의 이상 징후</source>
        <translation>Unusual patterns in the period</translation>
    </message>
    <message>
        <source>기간의 이상 징후 {n}건</source>
        <translation>Unusual patterns in the period: {n}</translation>
    </message>
    <message>
        <source>점검 기준에 해당하는 기록이 없습니다.</source>
        <translation>No entry meets a review rule.</translation>
    </message>
    <message>
        <source>검사 중…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>검사 중… {n}건</source>
        <translation>Checking… {n} entries</translation>
    </message>
    <message>
        <source>마지막 기록의 해시: {hash}</source>
        <translation>Hash of the last entry: {hash}</translation>
    </message>
    <message>
        <source>월간 접속기록 PDF</source>
        <translation>Monthly access log PDF</translation>
    </message>
    <message>
        <source>만드는 중…</source>
        <translation>Building…</translation>
    </message>
    <message>
        <source>만드는 중: {step}</source>
        <translation>Building: {step}</translation>
    </message>
    <message>
        <source>저장했습니다: {path} ({pages}쪽, 이상 징후 {findings}건)</source>
        <translation>Saved: {path} ({pages} pages, {findings} flagged patterns)</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>통지 방법</source>
        <translation>Notice by</translation>
    </message>
    <message>
        <source>통지문</source>
        <translation>Notice text</translation>
    </message>
    <message>
        <source>담당자</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>이송 기관</source>
        <translation>Agency transferred to</translation>
    </message>
    <message>
        <source>연장 기한</source>
        <translation>New due date</translation>
    </message>
    <message>
        <source>처리 결과</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>회신 내용</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>{who} 아직 저장하지 않았습니다.</source>
        <translation>{who} Your step is not saved yet.</translation>
    </message>
    <message>
        <source>저장하지 않았습니다. 입력한 내용은 그대로 있습니다. 확인을 누르면 지금 상태의 민원에 적용합니다.</source>
        <translation>Not saved. Everything you entered is still here. OK applies it to the case as it is now.</translation>
    </message>
    <message>
        <source>개선과제 만들기</source>
        <translation>New improvement action</translation>
    </message>
    <message>
        <source>(정하지 않음)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>수치</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>제목 *</source>
        <translation>Title *</translation>
    </message>
    <message>
        <source>개선 조치</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>담당</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>기한</source>
        <translation>Due</translation>
    </message>
</context>
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
    <message>
        <source>비밀번호(&amp;P) *</source>
        <translation>&amp;Password *</translation>
    </message>
    <message>
        <source>비밀번호 확인(&amp;C) *</source>
        <translation>&amp;Confirm password *</translation>
    </message>
</context>
<context>
    <name>AnalysisPage</name>
    <message>
        <source>구분</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>전체</source>
        <translation>All</translation>
    </message>
    <message>
        <source>주민</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>민원</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>1,000명당</source>
        <translation>Per 1,000</translation>
    </message>
    <message>
        <source>불리</source>
        <translation>worse</translation>
    </message>
    <message>
        <source>처리</source>
        <comment>finished count</comment>
        <translation>Done</translation>
    </message>
    <message>
        <source>기한 내 처리율</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <source>격차</source>
        <translation>Gap</translation>
    </message>
    <message>
        <source>처리일수</source>
        <translation>Working days</translation>
    </message>
    <message>
        <source>일</source>
        <comment>days</comment>
        <translation> days</translation>
    </message>
    <message>
        <source>만족도</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>제목</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>수치</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>기준</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>담당</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>기한</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>평가</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>판정</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>고객집단·경로·동별 결과</source>
        <translation>Results by group, channel and dong</translation>
    </message>
    <message>
        <source>개선과제 목록</source>
        <translation>Improvement actions</translation>
    </message>
    <message>
        <source>지표</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>분석·개선</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <source>기간</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>고객집단·경로·동</source>
        <translation>Groups, channels, dong</translation>
    </message>
    <message>
        <source>중요도-성과 (IPA)</source>
        <translation>Importance–performance (IPA)</translation>
    </message>
    <message>
        <source>개선과제</source>
        <translation>Improvement actions</translation>
    </message>
    <message>
        <source>설문</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>고객집단</source>
        <translation>Customer groups</translation>
    </message>
    <message>
        <source>접수 경로</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>동</source>
        <translation>Dong</translation>
    </message>
    <message>
        <source>이 수치로 개선과제 만들기…</source>
        <translation>Make an improvement action on this figure…</translation>
    </message>
    <message>
        <source>표에서 고른 줄과 옆의 지표로 개선과제를 만들고, 지금의 값을 기준으로 남깁니다.</source>
        <translation>Makes an improvement action on the chosen row and metric, keeping today's value as its baseline.</translation>
    </message>
    <message>
        <source>진행 시작</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>조치 완료</source>
        <translation>Measure done</translation>
    </message>
    <message>
        <source>평가…</source>
        <translation>Evaluate…</translation>
    </message>
    <message>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>격차는 그 줄과 나머지 모두를 비교해 통계적으로 유의할 때(5%)만 ▲▼로 표시하고, 처리일수는 길수록, 다른 지표는 낮을수록 '불리'입니다. 만족도는 민원·주민과 연결된 응답만, n 30 미만은 숨김, 30–49는 참고. 연령 집단(어르신·청년)은 출생연도로, 나머지 집단은 지금의 소속으로 셉니다.</source>
        <translation>A gap compares the row with everyone else and gets ▲▼ only when significant (5%); longer working days and lower other figures are 'worse'. Satisfaction uses linked answers only; n under 30 hidden, 30–49 for reference. Age groups are counted by birth year, the others by today's membership.</translation>
    </message>
    <message>
        <source>응답 {n}건: 100건 이상이어야 문항별 중요도를 믿을 만하게 셀 수 있습니다.</source>
        <translation>{n} answers: item importance needs 100 or more to be trusted.</translation>
    </message>
    <message>
        <source>응답 {n}건. 중요도 = 그 문항과 전반적 만족의 상관계수, 성과 = 100점 점수; 점선은 평균. 먼저 고칠 문항(중요한데 성과가 평균보다 낮음): {items}</source>
        <translation>{n} answers. Importance = the item's correlation with overall satisfaction, performance = its score of 100; dashed lines are the means. Fix first (important, below-average performance): {items}</translation>
    </message>
    <message>
        <source>없음</source>
        <translation>none</translation>
    </message>
    <message>
        <source>개선과제가 아직 없습니다. [고객집단·경로·동] 탭의 표에서 개선할 줄을 고르고 [이 수치로 개선과제 만들기…]를 누르면 지금의 값을 기준으로 과제가 생깁니다(팀장·관리자).</source>
        <translation>No improvement actions yet. Choose a row in the table of the [Groups, channels, dong] tab and press [Make an improvement action on this figure…]: the action is made with today's figure as its baseline (team leaders and admins).</translation>
    </message>
    <message>
        <source>표에서 개선할 줄을 고르십시오.</source>
        <translation>Choose a row in the table.</translation>
    </message>
    <message>
        <source>목록에서 개선과제를 고르십시오.</source>
        <translation>Choose an action in the list.</translation>
    </message>
    <message>
        <source>평가 기간</source>
        <translation>Evaluation period</translation>
    </message>
    <message>
        <source>점</source>
        <translation> points</translation>
    </message>
    <message>
        <source>건</source>
        <translation> cases</translation>
    </message>
    <message>
        <source>{title}: {before} → {after} — {verdict}</source>
        <translation>{title}: {before} → {after} — {verdict}</translation>
    </message>
</context>
<context>
    <name>ApplicantSide</name>
    <message>
        <source>선택: {name}</source>
        <translation>Chosen: {name}</translation>
    </message>
    <message>
        <source>선택: 민원인 없음</source>
        <translation>Chosen: no applicant</translation>
    </message>
    <message>
        <source>아직 고르지 않았습니다: 목록에서 고르거나 [민원인 없이]를 누르십시오.</source>
        <translation>Not chosen yet: pick from the list or press [No applicant].</translation>
    </message>
    <message>
        <source>같은 민원인·같은 분류의 이전 민원 {n}건 (이번이 {k}번째, 회신 {m}회):</source>
        <translation>Earlier cases of this applicant and category: {n} (this is filing no. {k}; answered: {m}):</translation>
    </message>
    <message>
        <source>3회 이상 반복되고 2회 이상 회신한 민원입니다. 종결 처리를 검토하십시오 (자동으로 종결하지 않습니다).</source>
        <translation>Filed 3+ times and answered 2+ times. Consider closing it (it is never closed automatically).</translation>
    </message>
</context>
<context>
    <name>AttachApplicantDialog</name>
    <message>
        <source>민원인 연결</source>
        <translation>Attach applicant</translation>
    </message>
    <message>
        <source>민원 {no}의 민원인을 찾아 고르십시오. 연결한 민원인은 처리 이력과 접속기록에 남고, 나중에 바꿀 수 없습니다.</source>
        <translation>Find and choose the applicant of case {no}. The attached applicant is kept in the case history and the access log and cannot be changed later.</translation>
    </message>
    <message>
        <source>주민 찾기(&amp;F)</source>
        <translation>&amp;Find resident</translation>
    </message>
    <message>
        <source>이름(두 글자도)·전화 뒷자리로 찾기</source>
        <translation>Find by name (two syllables work) or phone tail</translation>
    </message>
    <message>
        <source>주민 찾기</source>
        <translation>Find resident</translation>
    </message>
    <message>
        <source>찾은 주민</source>
        <translation>Residents found</translation>
    </message>
    <message>
        <source>새 주민 등록…</source>
        <translation>Register a resident…</translation>
    </message>
    <message>
        <source>연결하기</source>
        <translation>Attach</translation>
    </message>
    <message>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>아직 고르지 않았습니다.</source>
        <translation>Not chosen yet.</translation>
    </message>
    <message>
        <source>선택: {name}</source>
        <translation>Chosen: {name}</translation>
    </message>
    <message>
        <source>그사이 이 민원에 다른 처리가 저장되었습니다. 민원 화면을 새로 읽었습니다. 연결하려면 [연결하기]를 다시 누르십시오.</source>
        <translation>Another step was saved on this case meanwhile; the case has been read again. Press [Attach] again to attach.</translation>
    </message>
</context>
<context>
    <name>BackupSettings</name>
    <message>
        <source>만든 때</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>종류</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>크기</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>검사</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>정상</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>실패</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>보관</source>
        <translation>Kept</translation>
    </message>
    <message>
        <source>지울 때까지</source>
        <translation>Until deleted</translation>
    </message>
    <message>
        <source>보관 주기</source>
        <translation>By rotation</translation>
    </message>
    <message>
        <source>파일</source>
        <translation>File</translation>
    </message>
    <message>
        <source>백업 목록</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>사무실 서버의 데이터베이스는 서버 담당자가 정해 둔 일정으로 서버에서 백업합니다(pg_dump). 여기서는 관리자·팀장이 서버 전체의 백업을 이 PC에 하나 더 만들 수 있습니다. 복원은 서버 담당자가 빈 데이터베이스에 합니다.</source>
        <translation>The office server's database is backed up on the server, on the schedule its administrator set (pg_dump). Here administrators and team leaders can make one more backup of the whole server on this PC. Restoring is done by the server's administrator, into an empty database.</translation>
    </message>
    <message>
        <source>백업은 데이터베이스 옆 backups 폴더에 만들어지고, 만든 뒤 바로 무결성 검사를 합니다. 프로그램을 시작·종료할 때와 하루에 한 번, 바뀐 내용이 있으면 자동으로 백업하며, 자동 백업은 최근 7일·4주·12개월 것을 남깁니다. 직접 만든 백업, 업그레이드 전·복원 전 백업은 관리자가 지울 때까지 남습니다. 백업은 관리자·팀장이, 복원과 삭제는 관리자만 할 수 있습니다.</source>
        <translation>Backups are made in the backups folder beside the database and checked for integrity right after. When the program starts and exits, and once a day, a backup is made automatically if anything changed; automatic backups are kept for the last 7 days, 4 weeks and 12 months. Backups you make yourself, and those before an upgrade or a restore, are kept until an administrator deletes them. Administrators and managers make backups; only administrators restore and delete them.</translation>
    </message>
    <message>
        <source>지금 백업</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>USB용 암호화 백업…</source>
        <translation>Encrypted backup for USB…</translation>
    </message>
    <message>
        <source>선택한 백업으로 복원…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <source>파일에서 복원…</source>
        <translation>Restore from file…</translation>
    </message>
    <message>
        <source>선택한 백업 삭제…</source>
        <translation>Delete selected backup…</translation>
    </message>
    <message>
        <source>pg_dump (이 PC의 PostgreSQL 클라이언트 도구)</source>
        <translation>pg_dump (PostgreSQL's client tools on this PC)</translation>
    </message>
    <message>
        <source>프로그램 자체 내보내기 (이 PC에 pg_dump가 없음)</source>
        <translation>the program's own export (no pg_dump on this PC)</translation>
    </message>
    <message>
        <source>'지금 백업'은 서버 전체를 {how}로 이 PC의 폴더에 백업하고 검사합니다: {folder}
복원: 'pcrm restore 파일 --db 서버주소' (빈 데이터베이스에만).</source>
        <translation>'Back up now' backs up the whole server with {how} into a folder on this PC and checks it: {folder}
To restore: 'pcrm restore FILE --db SERVER-URL' (into an empty database only).</translation>
    </message>
    <message>
        <source>이 데이터베이스는 파일이 아니어서 여기서 백업할 수 없습니다.</source>
        <translation>This database is not a file, so it cannot be backed up here.</translation>
    </message>
    <message>
        <source>백업 폴더: {folder} · {count}개, {size}</source>
        <translation>Backup folder: {folder} · backups: {count}, {size}</translation>
    </message>
    <message>
        <source>서버를 백업하는 중…</source>
        <translation>Backing up the server…</translation>
    </message>
    <message>
        <source>백업하는 중…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>서버를 백업하고 검사했습니다: {path} ({size})</source>
        <translation>The server was backed up and the backup checked: {path} ({size})</translation>
    </message>
    <message>
        <source>백업을 만들고 검사했습니다: {name} ({size})</source>
        <translation>Backup made and checked: {name} ({size})</translation>
    </message>
    <message>
        <source>데이터를 이 백업의 내용으로 되돌립니다: {name}</source>
        <translation>The data will be put back to what this backup holds: {name}</translation>
    </message>
    <message>
        <source>· 백업 시점: {when} ({kind})</source>
        <translation>· Backup taken: {when} ({kind})</translation>
    </message>
    <message>
        <source>· 먼저 지금 데이터를 '복원 전' 백업으로 남깁니다. 되돌린 뒤에도 그 백업으로 다시 복원할 수 있습니다.</source>
        <translation>· The current data is first kept as a 'before restore' backup. You can restore that one again afterwards.</translation>
    </message>
    <message>
        <source>· 백업 뒤에 입력하거나 고친 내용은 화면에서 사라집니다(복원 전 백업에는 남습니다).</source>
        <translation>· Anything entered or changed after the backup disappears from the screens (it stays in the before-restore backup).</translation>
    </message>
    <message>
        <source>· 다른 PC에서 이 데이터베이스를 쓰고 있으면 그 화면에도 백업 시점의 데이터가 보입니다. 가능하면 먼저 다른 PC의 프로그램을 닫으십시오.</source>
        <translation>· Other PCs using this database will also see the data as of the backup. If you can, close the program on the other PCs first.</translation>
    </message>
    <message>
        <source>· 접속기록은 백업 시점까지로 돌아가고, 복원한 사실이 새로 기록됩니다.</source>
        <translation>· The access log goes back to the time of the backup, and the restore itself is logged.</translation>
    </message>
    <message>
        <source>복원하시겠습니까?</source>
        <translation>Restore now?</translation>
    </message>
    <message>
        <source>백업으로 복원</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>복원</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>복원할 백업 파일</source>
        <translation>Backup file to restore</translation>
    </message>
    <message>
        <source>PCRM 백업 (*.db *{suffix});;모든 파일 (*)</source>
        <translation>PCRM backups (*.db *{suffix});;All files (*)</translation>
    </message>
    <message>
        <source>파일에 담긴 시점</source>
        <translation>the time stored in the file</translation>
    </message>
    <message>
        <source>암호화 백업</source>
        <translation>Encrypted backup</translation>
    </message>
    <message>
        <source>{name}의 비밀번호:</source>
        <translation>Password of {name}:</translation>
    </message>
    <message>
        <source>복원하는 중…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>다른 데이터베이스로 바꾸는 것이 맞을 때만 '다른 데이터베이스로 복원'을 누르십시오.</source>
        <translation>Press 'Restore the other database' only if switching to that database is what you want.</translation>
    </message>
    <message>
        <source>다른 데이터베이스의 백업</source>
        <translation>Backup of another database</translation>
    </message>
    <message>
        <source>다른 데이터베이스로 복원</source>
        <translation>Restore the other database</translation>
    </message>
    <message>
        <source>복원하지 않았습니다.</source>
        <translation>Nothing was restored.</translation>
    </message>
    <message>
        <source>복원했습니다: {name}. 지금까지의 데이터는 {pre}(으)로 남겨 두었습니다.</source>
        <translation>Restored: {name}. The data until now was kept as {pre}.</translation>
    </message>
    <message>
        <source>이 버전에 맞게 업그레이드했습니다.</source>
        <translation>It was upgraded for this version.</translation>
    </message>
    <message>
        <source>암호화 백업을 만드는 중…</source>
        <translation>Making the encrypted backup…</translation>
    </message>
    <message>
        <source>USB용 암호화 백업</source>
        <translation>Encrypted backup for USB</translation>
    </message>
    <message>
        <source>PCRM 암호화 백업 (*{suffix})</source>
        <translation>PCRM encrypted backup (*{suffix})</translation>
    </message>
    <message>
        <source>비밀번호와 확인이 서로 다릅니다.</source>
        <translation>The password and its confirmation differ.</translation>
    </message>
    <message>
        <source>암호화 백업을 저장했습니다: {path} ({size}). 비밀번호 없이는 열 수 없습니다.</source>
        <translation>Encrypted backup saved: {path} ({size}). It cannot be opened without the password.</translation>
    </message>
    <message>
        <source>이 백업을 지웁니다: {name} ({kind}, {size}). 지운 백업은 되돌릴 수 없습니다.</source>
        <translation>This backup will be deleted: {name} ({kind}, {size}). A deleted backup cannot be brought back.</translation>
    </message>
    <message>
        <source>백업 삭제</source>
        <translation>Delete backup</translation>
    </message>
    <message>
        <source>삭제</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>백업을 지웠습니다: {name}</source>
        <translation>Backup deleted: {name}</translation>
    </message>
    <message>
        <source>취소했습니다. 데이터베이스는 바뀌지 않았습니다.</source>
        <translation>Cancelled. The database was not changed.</translation>
    </message>
    <message>
        <source>백업</source>
        <translation>Backups</translation>
    </message>
</context>
<context>
    <name>CalendarSettings</name>
    <message>
        <source>날짜</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>출처</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>직원 추가</source>
        <translation>Add staff member</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>쉬는 날</source>
        <translation>Day off</translation>
    </message>
    <message>
        <source>근무일로 바꿈</source>
        <translation>Made a working day</translation>
    </message>
    <message>
        <source>근무시간 뒤 접수 규칙을 저장했습니다. 진행 중인 민원의 처리기한을 다시 계산했습니다.</source>
        <translation>The after-hours rule is saved. The due dates of open complaints were recomputed.</translation>
    </message>
    <message>
        <source>{n}주</source>
        <translation>{n} week(s)</translation>
    </message>
    <message>
        <source>{n}개월</source>
        <translation>{n} month(s)</translation>
    </message>
    <message>
        <source>{days}일</source>
        <translation>{days} days</translation>
    </message>
    <message>
        <source>즉시</source>
        <translation>immediately</translation>
    </message>
    <message>
        <source>분류를 먼저 고르십시오.</source>
        <translation>Choose a category first.</translation>
    </message>
    <message>
        <source>분류를 바꿨습니다.</source>
        <translation>Category changed.</translation>
    </message>
    <message>
        <source>근무시간 뒤 접수 (처리기간 6일 이상)</source>
        <translation>Received after office hours (periods of 6 days or more)</translation>
    </message>
    <message>
        <source>접수일을 1일째로 셈 (법 제19조② 문언, 기본)</source>
        <translation>The day of receipt is day 1 (the text of Act Art. 19(2), default)</translation>
    </message>
    <message>
        <source>다음 근무일을 1일째로 셈 (기관 선택)</source>
        <translation>The next working day is day 1 (office's choice)</translation>
    </message>
    <message>
        <source>규칙 저장</source>
        <translation>Save rule</translation>
    </message>
    <message>
        <source>민원 분류 (처리기간을 따로 주면 종류보다 앞섬)</source>
        <translation>Case categories (a category's own period wins over its type's)</translation>
    </message>
    <message>
        <source>분류</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>처리기간</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>분류 이름</source>
        <translation>Category name</translation>
    </message>
    <message>
        <source>종류 따름</source>
        <translation>as its type</translation>
    </message>
    <message>
        <source>{n}년</source>
        <translation>{n} year(s)</translation>
    </message>
    <message>
        <source>큰 분류 추가</source>
        <translation>Add top level</translation>
    </message>
    <message>
        <source>하위 분류 추가</source>
        <translation>Add under</translation>
    </message>
    <message>
        <source>이름 바꾸기</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>사용 중지</source>
        <translation>Retire</translation>
    </message>
    <message>
        <source>연도</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>이름 (예: 임시공휴일)</source>
        <translation>Name (e.g. temporary holiday)</translation>
    </message>
    <message>
        <source>쉬는 날 추가</source>
        <translation>Add day off</translation>
    </message>
    <message>
        <source>근무일로 바꾸기 / 되돌리기</source>
        <translation>Make a working day / undo</translation>
    </message>
    <message>
        <source>처리기간 저장</source>
        <translation>Save periods</translation>
    </message>
    <message>
        <source>기본 공휴일 목록</source>
        <translation>built-in public holidays</translation>
    </message>
    <message>
        <source>쉬는 날 목록</source>
        <translation>Days off</translation>
    </message>
    <message>
        <source>쉬는 날 날짜</source>
        <translation>Day off: date</translation>
    </message>
    <message>
        <source>쉬는 날 이름</source>
        <translation>Name of the day off</translation>
    </message>
    <message>
        <source>업무시간 뒤 접수</source>
        <translation>Received after hours</translation>
    </message>
    <message>
        <source>새 분류 이름</source>
        <translation>New category name</translation>
    </message>
    <message>
        <source>법 제19조②는 6일 이상을 “첫날을 산입”해 세며 접수 시각의 예외가 없습니다(18:00 뒤 접수도 접수일이 1일째). 바꾸면 진행 중인 민원의 처리기한을 다시 계산합니다.</source>
        <translation>Act Art. 19(2) counts periods of 6 days or more with the first day included and no exception for the hour of receipt (received after 18:00, the day of receipt is still day 1). Changing this recomputes the due dates of open complaints.</translation>
    </message>
    <message>
        <source>사무별로 정함</source>
        <translation>set per service</translation>
    </message>
    <message>
        <source>토·일요일과 아래의 쉬는 날은 처리기간에 세지 않습니다. 해마다 처음 쓸 때 기본 공휴일 목록(설날·추석·대체공휴일·선거일)로 채워지며, 임시공휴일을 더하거나 날을 근무일로 바꾸면 진행 중인 민원의 처리기한을 다시 계산합니다(연장한 민원은 알린 기한 그대로). 바꾸는 일은 팀장·관리자만 할 수 있고 기록됩니다.</source>
        <translation>Saturdays, Sundays and the days off below do not count in processing periods. Each year is filled from the built-in list of public holidays (Seollal, Chuseok, substitute holidays, election days) when first needed. Adding a temporary holiday or making a day a working day recomputes the due dates of open cases (extended cases keep the date the applicant was told). Only managers and admins can change this, and it is logged.</translation>
    </message>
    <message>
        <source>민원 종류별 처리기간 (일·주·개월·년, 0일 = 즉시)</source>
        <translation>Period by type (days, weeks, months, years; 0 days = immediately)</translation>
    </message>
    <message>
        <source>{day}을(를) 쉬는 날로 추가했습니다.</source>
        <translation>{day} added as a day off.</translation>
    </message>
    <message>
        <source>{day}을(를) 근무일로 바꿨습니다.</source>
        <translation>{day} is now a working day.</translation>
    </message>
    <message>
        <source>{day}을(를) 다시 쉬는 날로 했습니다.</source>
        <translation>{day} is a day off again.</translation>
    </message>
    <message>
        <source>처리기간을 저장했습니다. 새로 접수하는 민원부터 적용됩니다.</source>
        <translation>Periods saved. They apply to cases received from now on.</translation>
    </message>
    <message>
        <source>민원 기한</source>
        <translation>Case deadlines</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>일시</source>
        <translation>Date/time</translation>
    </message>
    <message>
        <source>처리</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>담당</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>첨부 파일</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>처리 이력</source>
        <translation>Case history</translation>
    </message>
    <message>
        <source>민원 처리</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>닫기</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>접수증 PDF…</source>
        <translation>Receipt PDF…</translation>
    </message>
    <message>
        <source>기한 계산 근거…</source>
        <translation>How the due date was computed…</translation>
    </message>
    <message>
        <source>이전 민원과 연결</source>
        <translation>Link earlier cases</translation>
    </message>
    <message>
        <source>민원인 연결…</source>
        <translation>Attach applicant…</translation>
    </message>
    <message>
        <source>민원인 없이 저장한 민원에 주민을 찾아 연결합니다 (처리 이력과 접속기록에 남음).</source>
        <translation>Finds a resident and attaches them to a case saved without an applicant (kept in the case history and the access log).</translation>
    </message>
    <message>
        <source>같은 민원인·분류의 이전 민원을 같은 사안으로 연결합니다 (반복 민원 관리).</source>
        <translation>Links the earlier cases of this applicant and category as the same matter (repeated petitions).</translation>
    </message>
    <message>
        <source>파일 첨부…</source>
        <translation>Attach file…</translation>
    </message>
    <message>
        <source>열기</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>회신문 PDF…</source>
        <translation>Answer letter PDF…</translation>
    </message>
    <message>
        <source>접수증 인쇄…</source>
        <translation>Print receipt…</translation>
    </message>
    <message>
        <source>회신문 인쇄…</source>
        <translation>Print answer letter…</translation>
    </message>
    <message>
        <source>{no} · {status} · 처리기한 {due} {dday}</source>
        <translation>{no} · {status} · due {due} {dday}</translation>
    </message>
    <message>
        <source>민원인 없음</source>
        <translation>No applicant</translation>
    </message>
    <message>
        <source>민원인 {who}</source>
        <translation>Applicant {who}</translation>
    </message>
    <message>
        <source>제목: {title}</source>
        <translation>Title: {title}</translation>
    </message>
    <message>
        <source>접수: {at} · {channel}{epeople} · {type} · {category}</source>
        <translation>Received: {at} · {channel}{epeople} · {type} · {category}</translation>
    </message>
    <message>
        <source>민원인: {who} · 위치: {where}</source>
        <translation>Applicant: {who} · Place: {where}</translation>
    </message>
    <message>
        <source>없음</source>
        <translation>none</translation>
    </message>
    <message>
        <source>담당: {dept} {person}</source>
        <translation>Handled by: {dept} {person}</translation>
    </message>
    <message>
        <source>(미배정)</source>
        <translation>(unassigned)</translation>
    </message>
    <message>
        <source>내용: {content}</source>
        <translation>Content: {content}</translation>
    </message>
    <message>
        <source>결과: {result} — {answer}</source>
        <translation>Result: {result} — {answer}</translation>
    </message>
    <message>
        <source>이송: {agency}</source>
        <translation>Transferred to: {agency}</translation>
    </message>
    <message>
        <source>연결된 민원: {cases}</source>
        <translation>Linked cases: {cases}</translation>
    </message>
    <message>
        <source>같은 민원인·분류의 이전 민원 {n}건, 회신 {m}회.</source>
        <translation>Earlier cases of this applicant and category: {n}; answered: {m}.</translation>
    </message>
    <message>
        <source>반복 민원으로 종결을 검토하십시오 (자동 종결하지 않음).</source>
        <translation>Consider closing it as a repeated petition (it is never closed automatically).</translation>
    </message>
    <message>
        <source>접수증</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>회신문</source>
        <translation>Answer letter</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>저장했습니다: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>PDF를 만드는 중…</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <source>처리기한 계산 근거</source>
        <translation>How the due date was computed</translation>
    </message>
    <message>
        <source>민원 연결</source>
        <translation>Link cases</translation>
    </message>
    <message>
        <source>파일 첨부</source>
        <translation>Attach file</translation>
    </message>
    <message>
        <source>모든 파일 (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>CaseMovedDialog</name>
    <message>
        <source>(미배정)</source>
        <translation>(unassigned)</translation>
    </message>
    <message>
        <source> (연장)</source>
        <translation> (extended)</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>담당</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>처리기한</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>처리 결과</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>이 화면을 연 뒤 {at}에 이 민원이 바뀌었습니다.</source>
        <translation>This case changed at {at}, after you opened it.</translation>
    </message>
    <message>
        <source>이 화면을 연 뒤 같은 계정의 다른 창(또는 다른 PC)에서 {at}에 이 민원을 처리했습니다.</source>
        <translation>Your own account changed this case in another window (or on another PC) at {at}, after you opened this one.</translation>
    </message>
    <message>
        <source>이 화면을 연 뒤 {who} 님이 {at}에 이 민원을 처리했습니다.</source>
        <translation>{who} changed this case at {at}, after you opened it.</translation>
    </message>
    <message>
        <source>민원이 그사이 바뀌었습니다</source>
        <translation>The case has changed meanwhile</translation>
    </message>
    <message>
        <source>{no}: {who} 내 처리 '{action}'은(는) 아직 저장하지 않았습니다. 바뀐 내용을 확인하고, 지금 상태의 민원에 다시 적용할지 정하십시오.</source>
        <translation>{no}: {who} Your step '{action}' is not saved yet. See what changed, and decide whether to apply it to the case as it is now.</translation>
    </message>
    <message>
        <source>항목</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>내가 본 값</source>
        <translation>As I saw it</translation>
    </message>
    <message>
        <source>지금 값</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>그사이 처리된 내용:</source>
        <translation>Done meanwhile:</translation>
    </message>
    <message>
        <source>(그사이 새로 기록된 처리 단계는 없습니다)</source>
        <translation>(no step has been recorded since)</translation>
    </message>
    <message>
        <source>내가 쓴 내용은 지워지지 않습니다: {note}</source>
        <translation>What you wrote is kept: {note}</translation>
    </message>
    <message>
        <source>(없음)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>지금 상태({status})에서는 '{action}'을(를) 할 수 없습니다. 적용하지 않거나 돌아가십시오.</source>
        <translation>'{action}' is not possible in the current status ({status}). Drop it or go back.</translation>
    </message>
    <message>
        <source>지금 상태에 다시 적용</source>
        <translation>Apply to the case as it is now</translation>
    </message>
    <message>
        <source>적용하지 않음</source>
        <translation>Don't apply</translation>
    </message>
    <message>
        <source>돌아가기</source>
        <translation>Go back</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>비밀번호 변경</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>임시 비밀번호로 로그인했습니다. 본인만 아는 새 비밀번호를 정하십시오.</source>
        <translation>You signed in with a temporary password. Choose a new password that only you know.</translation>
    </message>
    <message>
        <source>지금 비밀번호와 새 비밀번호를 입력하십시오.</source>
        <translation>Enter your current password and a new one.</translation>
    </message>
    <message>
        <source>지금 비밀번호(&amp;O)</source>
        <translation>Current passw&amp;ord</translation>
    </message>
    <message>
        <source>새 비밀번호(&amp;N)</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>새 비밀번호 확인(&amp;C)</source>
        <translation>&amp;Confirm new password</translation>
    </message>
</context>
<context>
    <name>CitizenDialog</name>
    <message>
        <source>주민 정보 수정</source>
        <translation>Edit resident</translation>
    </message>
    <message>
        <source>새 주민 등록</source>
        <translation>New resident</translation>
    </message>
    <message>
        <source>이름(&amp;N) *</source>
        <translation>&amp;Name *</translation>
    </message>
    <message>
        <source>출생연도(&amp;Y)</source>
        <translation>Birth &amp;year</translation>
    </message>
    <message>
        <source>성별</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>전화(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>전화 2</source>
        <translation>Phone 2</translation>
    </message>
    <message>
        <source>전자우편</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>도로명주소(&amp;A)</source>
        <translation>Road &amp;address</translation>
    </message>
    <message>
        <source>상세주소</source>
        <translation>Address details</translation>
    </message>
    <message>
        <source>법정동</source>
        <translation>Legal dong</translation>
    </message>
    <message>
        <source>선호 연락 방법</source>
        <translation>Preferred contact</translation>
    </message>
    <message>
        <source>선호 언어</source>
        <translation>Preferred language</translation>
    </message>
    <message>
        <source>메모</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>예: 1968 (생년월일은 필요할 때만)</source>
        <translation>e.g. 1968 (a full date only when needed)</translation>
    </message>
    <message>
        <source>예: 010-1234-5678, 어떤 형식이든 됩니다</source>
        <translation>e.g. 010-1234-5678, any typing will do</translation>
    </message>
    <message>
        <source>예: 청운동</source>
        <translation>e.g. Cheongun-dong</translation>
    </message>
    <message>
        <source>선택 안 함</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>여</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>남</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>고객집단 (지정)</source>
        <translation>Customer groups (assigned)</translation>
    </message>
    <message>
        <source>접근성 필요</source>
        <translation>Accessibility needs</translation>
    </message>
    <message>
        <source>확인했습니다. 다른 사람이므로 새로 등록합니다.</source>
        <translation>Checked: this is a different person, register anyway.</translation>
    </message>
    <message>
        <source>주민등록번호로 보이는 숫자가 있습니다. 주민등록번호는 수집하지 않으므로 저장할 때 뒷자리를 가립니다.</source>
        <translation>There is a number that looks like a resident registration number. Such numbers are not collected: its last digits will be masked when saved.</translation>
    </message>
    <message>
        <source>이 주민과 같은 사람일 수 있습니다</source>
        <translation>This may be the same person as</translation>
    </message>
    <message>
        <source>이름을 누르면 기존 기록을 엽니다.</source>
        <translation>Click a name to open the existing record.</translation>
    </message>
    <message>
        <source>주민등록번호 형태의 숫자 {n}건을 가려서 저장했습니다.</source>
        <translation>{n} number(s) shaped like a resident registration number were masked before saving.</translation>
    </message>
    <message>
        <source>같은 사람일 수 있는 기록이 있습니다. 기존 기록을 열거나, 다른 사람임을 확인한 뒤 다시 저장하십시오.</source>
        <translation>A record that may be the same person exists. Open it, or confirm that this is a different person and save again.</translation>
    </message>
    <message>
        <source>다른 사용자가 먼저 저장했습니다. 두 값이 다른 항목을 골라 주십시오.</source>
        <translation>Another user saved first. Please choose for the fields where the two versions differ.</translation>
    </message>
    <message>
        <source>이 주민 기록</source>
        <translation>this resident's record</translation>
    </message>
    <message>
        <source>저장하지 않았습니다. 입력한 내용은 그대로 있습니다. 다시 저장하면 다른 사용자가 저장한 값과 다시 비교합니다.</source>
        <translation>Not saved. Everything you entered is still here. Saving again compares it with what the other user saved.</translation>
    </message>
</context>
<context>
    <name>CitizensPage</name>
    <message>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>출생연도</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>동</source>
        <translation>Dong</translation>
    </message>
    <message>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>주민(고객)</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>주민 목록</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>주민 찾기</source>
        <translation>Find resident</translation>
    </message>
    <message>
        <source>정렬</source>
        <translation>Sort</translation>
    </message>
    <message>
        <source>고객집단</source>
        <translation>Customer groups</translation>
    </message>
    <message>
        <source>이름(두 글자도), 전화 뒷자리, 주소·동으로 검색</source>
        <translation>Search by name (two syllables will do), phone ending, address or dong</translation>
    </message>
    <message>
        <source>이름순</source>
        <translation>By name</translation>
    </message>
    <message>
        <source>최근 수정순</source>
        <translation>Recently changed</translation>
    </message>
    <message>
        <source>새 주민 (Ctrl+Shift+N)</source>
        <translation>New resident (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>가져오기…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>내보내기…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>병합…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <source>목록에서 두 사람을 골라(Ctrl+클릭) 한 기록으로 합칩니다.</source>
        <translation>Pick two people in the list (Ctrl+click) to merge them into one record.</translation>
    </message>
    <message>
        <source>나이</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source>올해 연도에서 출생연도를 뺀 나이. '-'는 제한 없음</source>
        <translation>Age as this year minus the birth year. '-' means no limit</translation>
    </message>
    <message>
        <source>조건 지우기</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>검색 저장…</source>
        <translation>Save search…</translation>
    </message>
    <message>
        <source>지금의 검색어와 조건을 '저장한 검색'(스마트 집단)으로 남깁니다. 고객집단 탭에서 인원과 구성을 봅니다.</source>
        <translation>Keeps the current search text and filters as a saved search (smart group). See its size and profile on the Customer groups tab.</translation>
    </message>
    <message>
        <source>모든 고객집단</source>
        <translation>All customer groups</translation>
    </message>
    <message>
        <source>저장한 검색: {name}</source>
        <translation>Saved search: {name}</translation>
    </message>
    <message>
        <source>모든 동</source>
        <translation>All dong</translation>
    </message>
    <message>
        <source>{dong} ({n}명)</source>
        <translation>{dong} ({n})</translation>
    </message>
    <message>
        <source>검색 저장</source>
        <translation>Save search</translation>
    </message>
    <message>
        <source>저장할 검색 조건이 없습니다. 검색어를 넣거나 동·고객집단·나이를 고른 뒤 저장하십시오.</source>
        <translation>There is nothing to save. Type a search or choose a dong, customer group or age first.</translation>
    </message>
    <message>
        <source>이 검색의 이름 (예: 청운동 어르신)</source>
        <translation>Name of this search (e.g. Cheongun-dong seniors)</translation>
    </message>
    <message>
        <source>찾는 주민이 없습니다. 다른 검색어를 넣거나 조건을 지워 보십시오.</source>
        <translation>No resident found. Try other words or clear the filters.</translation>
    </message>
    <message>
        <source>등록된 주민이 없습니다. [새 주민]이나 [가져오기…]로 시작하십시오.</source>
        <translation>No residents yet. Start with [New resident] or [Import…].</translation>
    </message>
    <message>
        <source>{n}명 표시{more}</source>
        <translation>{n} shown{more}</translation>
    </message>
    <message>
        <source> (아래로 내리면 더 불러옵니다)</source>
        <translation> (scroll down to load more)</translation>
    </message>
    <message>
        <source>전체 {total}명 중 </source>
        <translation>{total} residents in all; </translation>
    </message>
    <message>
        <source>주민 정보</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>주민 가져오기</source>
        <translation>Import residents</translation>
    </message>
    <message>
        <source>표 파일 (*.csv *.xlsx);;모든 파일 (*)</source>
        <translation>Tables (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>주민 내보내기</source>
        <translation>Export residents</translation>
    </message>
    <message>
        <source>이름·전화·전자우편을 가려서 내보낼까요? 어느 쪽이든 사유와 함께 접속기록에 남습니다.</source>
        <translation>Export with names, phones and e-mail masked? Either way the export is recorded in the access log with your reason.</translation>
    </message>
    <message>
        <source>내보내는 사유 (예: 복지 대상자 명단 제출)</source>
        <translation>Reason for the export (e.g. welfare list requested by the district)</translation>
    </message>
    <message>
        <source>가려서 내보내기</source>
        <translation>Export masked</translation>
    </message>
    <message>
        <source>전체 값으로 내보내기…</source>
        <translation>Export full values…</translation>
    </message>
    <message>
        <source>전체 값을 내보내는 사유 (예: 복지 대상자 명단 제출)</source>
        <translation>Reason for exporting full values (e.g. welfare list requested by the district)</translation>
    </message>
    <message>
        <source>엑셀 (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>{n}명을 내보냈습니다(전체 값, 기록됨): {path}</source>
        <translation>Exported {n} residents (full values, logged): {path}</translation>
    </message>
    <message>
        <source>{n}명을 내보냈습니다(이름·전화 가림): {path}</source>
        <translation>Exported {n} residents (names and phones masked): {path}</translation>
    </message>
    <message>
        <source>내보내는 중…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>ColumnFit</name>
    <message>
        <source>자리가 좁아 숨긴 열: {columns} (창을 넓히거나 글자 크기를 줄이면 보입니다)</source>
        <translation>Columns hidden for want of room: {columns} (a wider window or smaller text shows them)</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>접수번호</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>접수일시</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>종류</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>분류</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>제목</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>민원인</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>담당</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>처리기한</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>D-day</source>
        <translation>D-day</translation>
    </message>
    <message>
        <source>민원 찾기</source>
        <translation>Find a case</translation>
    </message>
    <message>
        <source>민원 목록</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>민원 종류</source>
        <translation>Case type</translation>
    </message>
    <message>
        <source>정렬</source>
        <translation>Sort</translation>
    </message>
    <message>
        <source>민원</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>접수번호(2026-00…) 또는 제목으로 찾기</source>
        <translation>Find by receipt no. (2026-00…) or title</translation>
    </message>
    <message>
        <source>새 민원 접수 (Ctrl+N)</source>
        <translation>New case (Ctrl+N)</translation>
    </message>
    <message>
        <source>가져오기…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>민원 이력을 CSV·엑셀에서 가져옵니다 (열 연결, 검사, 한 번에 저장).</source>
        <translation>Imports case history from CSV or Excel (map columns, check, save all at once).</translation>
    </message>
    <message>
        <source>민원처리부…</source>
        <translation>Register…</translation>
    </message>
    <message>
        <source>해피콜…</source>
        <translation>Happy calls…</translation>
    </message>
    <message>
        <source>처리한 민원의 표본·지연·불수용 민원인에게 거는 만족 확인 전화</source>
        <translation>Follow-up calls to a sample of applicants, and to those whose cases were slow or not accepted</translation>
    </message>
    <message>
        <source>기간의 민원처리부를 엑셀·CSV로 내보냅니다 (민원인 가림).</source>
        <translation>Exports the case register of a period to Excel or CSV (applicants masked).</translation>
    </message>
    <message>
        <source>검색어·조건 지우기</source>
        <translation>Clear search and filters</translation>
    </message>
    <message>
        <source>모든 종류</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>모든 분류</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>모든 상태</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>처리기한순</source>
        <translation>By due date</translation>
    </message>
    <message>
        <source>최근 접수순</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <source>접수번호순</source>
        <translation>By receipt no.</translation>
    </message>
    <message>
        <source>내 민원</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>팀</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>미배정</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <source>오늘 기한</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>D-3</source>
        <translation>D-3</translation>
    </message>
    <message>
        <source>진행 중</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>전체</source>
        <translation>All</translation>
    </message>
    <message>
        <source>접수일 {day}</source>
        <translation>Received {day}</translation>
    </message>
    <message>
        <source>처리일 {day}</source>
        <translation>Finished {day}</translation>
    </message>
    <message>
        <source>검색어 '{text}'에 맞으면서 고른 조건에도 맞는 민원이 없습니다. (검색어·조건 지우기: Esc)</source>
        <translation>No cases match the search '{text}' together with the chosen filters. (Clear search and filters: Esc)</translation>
    </message>
    <message>
        <source>검색어 '{text}'에 맞는 민원이 없습니다. (검색어 지우기: Esc)</source>
        <translation>No cases match the search '{text}'. (Clear the search: Esc)</translation>
    </message>
    <message>
        <source>고른 조건(종류·분류·상태·날짜)에 맞는 민원이 없습니다. (조건 지우기: Esc)</source>
        <translation>No cases match the chosen filters (type, category, status, day). (Clear the filters: Esc)</translation>
    </message>
    <message>
        <source>이 목록에 민원이 없습니다.</source>
        <translation>No cases in this list.</translation>
    </message>
    <message>
        <source>{n}건 표시{more}</source>
        <translation>{n} shown{more}</translation>
    </message>
    <message>
        <source>기한 넘김</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source> (아래로 내리면 더 불러옵니다)</source>
        <translation> (scroll down to load more)</translation>
    </message>
    <message>
        <source>민원 이력 가져오기</source>
        <translation>Import case history</translation>
    </message>
    <message>
        <source>표 파일 (*.csv *.xlsx);;모든 파일 (*)</source>
        <translation>Tables (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>민원처리부</source>
        <translation>Case register</translation>
    </message>
    <message>
        <source>민원처리부를 내보내는 사유 (예: 구청 제출)</source>
        <translation>Reason for exporting the complaint register (e.g. requested by the district office)</translation>
    </message>
    <message>
        <source>엑셀 (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>{n}건을 내보냈습니다(민원인 가림): {path}</source>
        <translation>Exported {n} cases (applicants masked): {path}</translation>
    </message>
    <message>
        <source>내보내는 중…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>출생연도</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>성별</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>전자우편</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>도로명주소</source>
        <translation>Road address</translation>
    </message>
    <message>
        <source>상세주소</source>
        <translation>Address details</translation>
    </message>
    <message>
        <source>법정동</source>
        <translation>Legal dong</translation>
    </message>
    <message>
        <source>선호 연락 방법</source>
        <translation>Preferred contact</translation>
    </message>
    <message>
        <source>선호 언어</source>
        <translation>Preferred language</translation>
    </message>
    <message>
        <source>접근성 필요</source>
        <translation>Accessibility needs</translation>
    </message>
    <message>
        <source>메모</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>고객집단 (지정)</source>
        <translation>Customer groups (assigned)</translation>
    </message>
    <message>
        <source>(비어 있음)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>선택 안 함</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>여</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>남</source>
        <translation>Male</translation>
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
        <source>최근 활동</source>
        <translation>Recent activity</translation>
    </message>
    <message>
        <source>대시보드</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>오늘 접수</source>
        <translation>Received today</translation>
    </message>
    <message>
        <source>오늘 처리</source>
        <translation>Finished today</translation>
    </message>
    <message>
        <source>오늘 기한</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>기한 넘김</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>내 민원</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>이달 만족도</source>
        <translation>Satisfaction this month</translation>
    </message>
    <message>
        <source>진행 중 개선과제</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <source>눌러서 목록 보기</source>
        <translation>Click for the list</translation>
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
        <source>12개월 추이: 민원 접수(막대)와 만족도(선, n 30 이상인 달만)</source>
        <translation>12 months: complaints received (bars) and satisfaction (line, months with n ≥ 30)</translation>
    </message>
    <message>
        <source>최근 활동 (감사 기록)</source>
        <translation>Recent activity (audit log)</translation>
    </message>
    <message>
        <source> (참고)</source>
        <translation> (reference)</translation>
    </message>
    <message>
        <source>지난달과 비교하기에 응답이 모자랍니다</source>
        <translation>Too few answers to compare with last month</translation>
    </message>
    <message>
        <source>지난달보다 {arrow} {d:+.1f}점 (유의)</source>
        <translation>{arrow} {d:+.1f} points against last month (significant)</translation>
    </message>
    <message>
        <source>지난달과 차이 없음 ({d:+.1f}점, 유의하지 않음)</source>
        <translation>No real change from last month ({d:+.1f} points, not significant)</translation>
    </message>
    <message>
        <source>n {n} · {survey} · {versus}</source>
        <translation>n {n} · {survey} · {versus}</translation>
    </message>
    <message>
        <source>나에게 배정된 진행 중 민원</source>
        <translation>Open cases assigned to me</translation>
    </message>
    <message>
        <source>눌러서 오늘 접수 목록</source>
        <translation>Click for today's received cases</translation>
    </message>
    <message>
        <source>눌러서 오늘 처리 목록</source>
        <translation>Click for today's finished cases</translation>
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
        <source>사무실 서버 (PostgreSQL) · {server}</source>
        <translation>Office server (PostgreSQL) · {server}</translation>
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
        <source>부서·팀 이름(&amp;D)</source>
        <translation>&amp;Departments and teams</translation>
    </message>
    <message>
        <source>예: 민원행정팀, 맞춤형복지팀. 나중에 설정에서 더 추가할 수 있습니다.</source>
        <translation>For example: Civil Affairs Team, Welfare Team. You can add more later in Settings.</translation>
    </message>
</context>
<context>
    <name>DraftOfferDialog</name>
    <message>
        <source>저장하지 않은 입력</source>
        <translation>Unsaved entries</translation>
    </message>
    <message>
        <source>지난번에 저장하지 못하고 끝난 입력이 있습니다 (PC가 꺼졌거나 프로그램이 닫혔습니다). 이어 쓰거나 버리십시오. [나중에]를 누르면 다음 로그인 때 다시 묻습니다.</source>
        <translation>Some entries were not saved last time (the PC went off or the program closed). Continue them or discard them. [Later] asks again at the next sign-in.</translation>
    </message>
    <message>
        <source>종류</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>저장한 때</source>
        <translation>Saved at</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>접수번호</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>저장하지 않은 입력 목록</source>
        <translation>List of unsaved entries</translation>
    </message>
    <message>
        <source>이어 쓰기</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>버리기</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>나중에</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>(내용 없음)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>이 입력을 버릴까요? 되살릴 수 없습니다.</source>
        <translation>Discard this entry? It cannot be brought back.</translation>
    </message>
</context>
<context>
    <name>EditSurveyDialog</name>
    <message>
        <source>문항 표</source>
        <translation>Questions table</translation>
    </message>
    <message>
        <source>문항 저장</source>
        <translation>Save questions</translation>
    </message>
    <message>
        <source>문항 편집 — {code} v{version}</source>
        <translation>Edit items — {code} v{version}</translation>
    </message>
    <message>
        <source>제목</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>코드</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>유형</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>문항</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>문항 (영어, 키오스크)</source>
        <translation>Item (English, kiosk)</translation>
    </message>
    <message>
        <source>선택지·행 (; 로 구분)</source>
        <translation>Choices / rows (separated by ;)</translation>
    </message>
    <message>
        <source>필수</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>해당없음</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>이 판에는 이미 응답이 있습니다. 저장하면 v{next}이 새로 생기고, 지금까지의 응답은 v{version}의 문항 그대로 남습니다.</source>
        <translation>This version already has answers. Saving creates v{next}; the answers so far stay with the items of v{version}.</translation>
    </message>
    <message>
        <source>아직 응답이 없어 이 판(v{version})을 고칩니다.</source>
        <translation>Nobody has answered yet, so this version (v{version}) is changed in place.</translation>
    </message>
    <message>
        <source>문항 추가</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>삭제</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>위로</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>아래로</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>{n}번 문항의 유형</source>
        <translation>Type of question {n}</translation>
    </message>
    <message>
        <source>문항 표를 읽을 수 없습니다.</source>
        <translation>The item table cannot be read.</translation>
    </message>
    <message>
        <source>문항 {code}의 질문을 입력하십시오.</source>
        <translation>Enter the question of item {code}.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>USB용 암호화 백업</source>
        <translation>Encrypted backup for USB</translation>
    </message>
    <message>
        <source>암호화해 저장</source>
        <translation>Encrypt and save</translation>
    </message>
    <message>
        <source>데이터베이스 전체를 비밀번호로 암호화해 저장합니다(AES-256). 비밀번호를 잊으면 아무도 열 수 없습니다: USB와 따로, 안전한 곳에 적어 두십시오. 모든 주민의 개인정보가 들어 있으므로 반출 사유가 접속기록에 남습니다.</source>
        <translation>The whole database is saved encrypted with a password (AES-256). If the password is forgotten nobody can open it: write it down in a safe place, apart from the USB stick. It holds every resident's personal data, so the reason for taking it out is kept in the access log.</translation>
    </message>
    <message>
        <source>저장할 파일</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>비밀번호</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>비밀번호 확인</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>반출 사유</source>
        <translation>Reason for taking it out</translation>
    </message>
    <message>
        <source>예: 재해 대비 외부 보관</source>
        <translation>e.g. kept off-site in case of disaster</translation>
    </message>
</context>
<context>
    <name>FieldConflictDialog</name>
    <message>
        <source>다른 사람이 먼저 저장했습니다</source>
        <translation>Someone else saved first</translation>
    </message>
    <message>
        <source>이 화면을 연 뒤 다른 사용자가 {record}을(를) 저장했습니다. 내 변경은 아직 저장하지 않았습니다.
두 값이 다른 항목만 아래에 보입니다. 항목마다 남길 값을 고르십시오. 나만 고친 항목은 내 값, 다른 사람만 고친 항목은 그 사람의 값이 미리 골라져 있고, 둘 다 고친 항목은 직접 고르십시오. 나머지 항목은 두 사람의 변경이 모두 들어갑니다.</source>
        <translation>Another user saved {record} after you opened it. Your changes have not been saved yet.
Only the fields where the two versions differ are shown below. Choose the value to keep for each. Fields only you changed start with your value, fields only they changed with theirs; fields you both changed are yours to choose. All other fields keep both people's changes.</translation>
    </message>
    <message>
        <source>항목</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>내가 고친 값</source>
        <translation>My value</translation>
    </message>
    <message>
        <source>다른 사람이 저장한 값</source>
        <translation>Value saved by the other user</translation>
    </message>
    <message>
        <source>둘 다 고침 — 고르십시오</source>
        <translation>Both changed — choose</translation>
    </message>
    <message>
        <source>내가 고침</source>
        <translation>Changed by me</translation>
    </message>
    <message>
        <source>다른 사람이 고침</source>
        <translation>Changed by them</translation>
    </message>
    <message>
        <source>내 값 유지</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>이 값 사용</source>
        <translation>Use this value</translation>
    </message>
    <message>
        <source>고른 값으로 저장</source>
        <translation>Save chosen values</translation>
    </message>
    <message>
        <source>돌아가기 (저장 안 함)</source>
        <translation>Go back (don't save)</translation>
    </message>
    <message>
        <source>아직 고르지 않은 항목: {fields}</source>
        <translation>Not chosen yet: {fields}</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>PCRM Desktop 처음 설정</source>
        <translation>PCRM Desktop first-time setup</translation>
    </message>
    <message>
        <source>&lt; 뒤로(&amp;B)</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>다음(&amp;N) &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>완료(&amp;F)</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>GroupsView</name>
    <message>
        <source>고객집단</source>
        <translation>Customer groups</translation>
    </message>
    <message>
        <source>구분</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>연령 기준</source>
        <translation>By age</translation>
    </message>
    <message>
        <source>지정</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>저장한 검색</source>
        <translation>Saved search</translation>
    </message>
    <message>
        <source>저장한 검색 지우기</source>
        <translation>Remove saved search</translation>
    </message>
    <message>
        <source>고객집단 목록</source>
        <translation>Customer groups</translation>
    </message>
    <message>
        <source>주민 목록에서 보기</source>
        <translation>Show in resident list</translation>
    </message>
    <message>
        <source>조건: {rule}</source>
        <translation>Conditions: {rule}</translation>
    </message>
    <message>
        <source>검색어 '{text}'</source>
        <translation>text '{text}'</translation>
    </message>
    <message>
        <source>나이 {low}~{high}</source>
        <translation>age {low}–{high}</translation>
    </message>
    <message>
        <source>인원</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>상담 (100명당)</source>
        <translation>Contacts per 100</translation>
    </message>
    <message>
        <source>연령 기준 집단은 출생연도로 계산하고, 지정 집단은 주민 정보에서 직원이 지정합니다. 저장한 검색은 주민 목록의 [검색 저장…]으로 만듭니다. 집단별 민원 건수와 만족도는 [분석·개선 › 고객집단·경로·동]에 있습니다.</source>
        <translation>Age groups are computed from the birth year; assigned groups are set by staff on the resident's record. Saved searches are made with [Save search…] on the resident list. Complaints and satisfaction by group are on [Analysis › Groups, channels, dong].</translation>
    </message>
    <message>
        <source>{group}: 선호 연락 방법 — {channels}</source>
        <translation>{group}: preferred contact — {channels}</translation>
    </message>
</context>
<context>
    <name>HappyCallDialog</name>
    <message>
        <source>접수번호</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>제목</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>민원인</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>시도</source>
        <translation>Tries</translation>
    </message>
    <message>
        <source>마지막 결과</source>
        <translation>Last outcome</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>해피콜 대상</source>
        <translation>Happy-call list</translation>
    </message>
    <message>
        <source>통화 메모</source>
        <translation>Call note</translation>
    </message>
    <message>
        <source>해피콜</source>
        <translation>Happy calls</translation>
    </message>
    <message>
        <source>주 시작일</source>
        <translation>Week starting</translation>
    </message>
    <message>
        <source>표본</source>
        <translation>Sample</translation>
    </message>
    <message>
        <source>처리 지연 기준(일)</source>
        <translation>Slow after (days)</translation>
    </message>
    <message>
        <source>보기</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>불수용 모두</source>
        <translation>All not accepted</translation>
    </message>
    <message>
        <source>이 주의 통화 대상 뽑기</source>
        <translation>Choose this week's calls</translation>
    </message>
    <message>
        <source>닫기</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>메모 (선택)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>설문</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>'응답'을 누르면 이 설문의 답을 입력하고 통화 결과와 함께 저장합니다.</source>
        <translation>'Answered' opens this survey's questions; the answers are saved with the call result.</translation>
    </message>
    <message>
        <source>번호 보기 (기록됨)</source>
        <translation>Show number (logged)</translation>
    </message>
    <message>
        <source>전화를 걸 번호를 보여 줍니다. 해피콜 사유로 접속기록에 남습니다.</source>
        <translation>Shows the number to dial; logged in the access log with the reason "happy call".</translation>
    </message>
    <message>
        <source>전체</source>
        <translation>All</translation>
    </message>
    <message>
        <source>설문 없이 결과만</source>
        <translation>Result only, no survey</translation>
    </message>
    <message>
        <source>{week} 주에 처리한 민원 {n}건 중 {k}건을 통화 대상으로 뽑았습니다.</source>
        <translation>Of {n} cases finished in the week of {week}, {k} were chosen for a call.</translation>
    </message>
    <message>
        <source>목록에서 통화할 민원을 고르십시오.</source>
        <translation>Choose a call in the list.</translation>
    </message>
    <message>
        <source>해피콜 {no}</source>
        <translation>Happy call {no}</translation>
    </message>
    <message>
        <source>{no}: {phones}</source>
        <translation>{no}: {phones}</translation>
    </message>
    <message>
        <source>기록했습니다.</source>
        <translation>Recorded.</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>안내서에서 찾기</source>
        <translation>Search the guide</translation>
    </message>
    <message>
        <source>안내서 차례</source>
        <translation>Guide contents</translation>
    </message>
    <message>
        <source>안내서 본문</source>
        <translation>Guide text</translation>
    </message>
    <message>
        <source>{app} 도움말 — 사용자 안내서</source>
        <translation>{app} Help — User guide</translation>
    </message>
    <message>
        <source>안내서에서 찾기 (예: 해피콜, 백업)</source>
        <translation>Search the guide (e.g. happy call, backup)</translation>
    </message>
    <message>
        <source>사용자 안내서 파일을 찾지 못했습니다: {path}

프로그램 설치가 손상되었을 수 있습니다. 프로그램을 다시 설치하거나 관리자에게 문의하십시오. 프로그램의 다른 기능은 그대로 쓸 수 있습니다.</source>
        <translation>The user guide file was not found: {path}

The installation may be damaged. Reinstall the program or ask your administrator. Everything else in the program works as before.</translation>
    </message>
    <message>
        <source>찾은 항목 {n}개</source>
        <translation>{n} sections found</translation>
    </message>
    <message>
        <source>안내서에 그 말이 없습니다. 다른 낱말로 찾아 보십시오.</source>
        <translation>The guide does not contain that text. Try other words.</translation>
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
        <source>업무 시작(&amp;S)</source>
        <translation>&amp;Starts at</translation>
    </message>
    <message>
        <source>점심 시작(&amp;L)</source>
        <translation>&amp;Lunch from</translation>
    </message>
    <message>
        <source>점심 끝(&amp;U)</source>
        <translation>L&amp;unch until</translation>
    </message>
    <message>
        <source>업무 종료(&amp;E)</source>
        <translation>&amp;Ends at</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>잠김</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>비밀번호가 맞지 않습니다. 비밀번호를 {count}번 잇달아 틀리면 계정이 잠깁니다.</source>
        <translation>Wrong password. The account locks after {count} wrong passwords in a row.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>행</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>가져오지 않을 행과 사유</source>
        <translation>Rows not imported and why</translation>
    </message>
    <message>
        <source>중복 의심 행은 가져오지 않기</source>
        <translation>Leave out rows flagged as possible duplicates</translation>
    </message>
    <message>
        <source>검사(&amp;C)</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>가져오기(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>보고서 저장…</source>
        <translation>Save report…</translation>
    </message>
    <message>
        <source>닫기</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>미리 보기 (처음 {n}행)</source>
        <translation>Preview (first {n} rows)</translation>
    </message>
    <message>
        <source>주민 가져오기 — {name}</source>
        <translation>Import residents — {name}</translation>
    </message>
    <message>
        <source>민원 이력 가져오기 — {name}</source>
        <translation>Import case history — {name}</translation>
    </message>
    <message>
        <source>파일을 읽는 중…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>{name}: {rows}행, 열 {cols}개, 인코딩 {enc}. 각 항목에 맞는 열을 고르고 [검사]를 누르십시오. 유효한 행은 한 번에 모두 저장되거나 하나도 저장되지 않습니다.</source>
        <translation>{name}: {rows} rows, {cols} columns, encoding {enc}. Choose the column for each field and press [Check]. Valid rows are saved all at once, or none at all.</translation>
    </message>
    <message>
        <source>— 사용 안 함 —</source>
        <translation>— not used —</translation>
    </message>
    <message>
        <source>검사하는 중…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>유효 {valid}행 · 거부 {rejected}행 · {flagged} {dups}행{rrn}</source>
        <translation>Valid {valid} · rejected {rejected} · {flagged} {dups}{rrn}</translation>
    </message>
    <message>
        <source>{n}명을 가져왔습니다. 거부 {rejected}행, {flagged} {dups}행.</source>
        <translation>Imported {n} residents. Rejected {rejected}, {flagged} {dups}.</translation>
    </message>
    <message>
        <source>{n}건을 가져왔습니다. 거부 {rejected}행, {flagged} {dups}행.</source>
        <translation>Imported {n} cases. Rejected {rejected}, {flagged} {dups}.</translation>
    </message>
    <message>
        <source>중복 의심</source>
        <translation>possible duplicates</translation>
    </message>
    <message>
        <source>표시</source>
        <translation>flagged</translation>
    </message>
    <message>
        <source> · 주민등록번호 형태 {n}건은 가려서 저장됩니다</source>
        <translation> · {n} RRN-shaped numbers will be masked</translation>
    </message>
    <message>
        <source>미리 보기</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>가져오는 중…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>보고서 저장</source>
        <translation>Save report</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>찾은 주민</source>
        <translation>Residents found</translation>
    </message>
    <message>
        <source>새 민원 접수</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>접수번호</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>접수일시</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>접수경로</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>신청번호</source>
        <translation>Application no.</translation>
    </message>
    <message>
        <source>민원종류</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>분류</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>제목</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>위치(동)</source>
        <translation>Place (dong)</translation>
    </message>
    <message>
        <source>담당 부서</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>담당자</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>중요도</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>처리기한</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>첨부</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>저장할 때 자동으로 붙습니다</source>
        <translation>Given when saved</translation>
    </message>
    <message>
        <source>국민신문고 신청번호 (예: 1AA-2611-0012345)</source>
        <translation>e-People application no. (e.g. 1AA-2611-0012345)</translation>
    </message>
    <message>
        <source>한 줄 요약 (예: 골목길 불법주정차 단속 요청)</source>
        <translation>One-line summary (e.g. illegal parking in the alley)</translation>
    </message>
    <message>
        <source>계산 근거…</source>
        <translation>How computed…</translation>
    </message>
    <message>
        <source>파일 첨부…</source>
        <translation>Attach file…</translation>
    </message>
    <message>
        <source>민원인</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>이름(두 글자도)·전화 뒷자리로 찾기</source>
        <translation>Find by name (two syllables work) or phone tail</translation>
    </message>
    <message>
        <source>민원인 없이 (익명·미상)</source>
        <translation>No applicant (anonymous)</translation>
    </message>
    <message>
        <source>새 주민 등록…</source>
        <translation>Register a resident…</translation>
    </message>
    <message>
        <source>저장 (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>취소 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>(분류 없음)</source>
        <translation>(no category)</translation>
    </message>
    <message>
        <source>보통</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>상세주소</source>
        <translation>Address details</translation>
    </message>
    <message>
        <source>높음</source>
        <translation>High</translation>
    </message>
    <message>
        <source>긴급</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>낮음</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>(나중에 배정)</source>
        <translation>(assign later)</translation>
    </message>
    <message>
        <source>(미배정)</source>
        <translation>(unassigned)</translation>
    </message>
    <message>
        <source>접수일시가 지금보다 {n}일 뒤입니다. 맞는지 확인하십시오.</source>
        <translation>The received time is {n} days from now. Please check it.</translation>
    </message>
    <message>
        <source>접수일시가 {n}일 전입니다. 맞는지 확인하십시오.</source>
        <translation>The received time is {n} days ago. Please check it.</translation>
    </message>
    <message>
        <source>처리기한 계산 근거</source>
        <translation>How the due date was computed</translation>
    </message>
    <message>
        <source>파일 첨부</source>
        <translation>Attach file</translation>
    </message>
    <message>
        <source>모든 파일 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>없음</source>
        <translation>none</translation>
    </message>
    <message>
        <source>민원인을 고르지 않았습니다. 목록에서 고르거나(Enter), 밝히지 않는 민원이면 [민원인 없이 (익명·미상)]을 누르십시오.</source>
        <translation>No applicant chosen. Pick one from the list (Enter), or press [No applicant (anonymous)] if the applicant is not named.</translation>
    </message>
    <message>
        <source>이 일시로 저장</source>
        <translation>Save with this time</translation>
    </message>
    <message>
        <source>
주민등록번호로 보이는 숫자 {n}건을 가렸습니다.</source>
        <translation>
{n} number(s) that look like resident registration numbers were masked.</translation>
    </message>
    <message>
        <source>민원 접수</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>접수번호 {no}로 접수했습니다. 처리기한 {due}.</source>
        <translation>Received as {no}. Due {due}.</translation>
    </message>
    <message>
        <source>접수증 인쇄…</source>
        <translation>Print receipt…</translation>
    </message>
</context>
<context>
    <name>IpaChart</name>
    <message>
        <source>응답이 100건 이상일 때 그립니다 (지금 {n}건).</source>
        <translation>Drawn from 100 answers on ({n} now).</translation>
    </message>
    <message>
        <source>먼저 개선</source>
        <translation>Fix first</translation>
    </message>
    <message>
        <source>유지 강화</source>
        <translation>Keep up</translation>
    </message>
    <message>
        <source>점진 개선</source>
        <translation>Low priority</translation>
    </message>
    <message>
        <source>과잉 가능</source>
        <translation>Possible overkill</translation>
    </message>
    <message>
        <source>성과 (100점 점수) →</source>
        <translation>Performance (score of 100) →</translation>
    </message>
    <message>
        <source>중요도 (전반적 만족과의 상관) →</source>
        <translation>Importance (correlation with overall) →</translation>
    </message>
</context>
<context>
    <name>KioskSetupDialog</name>
    <message>
        <source>키오스크 설정</source>
        <translation>Kiosk setup</translation>
    </message>
    <message>
        <source>키오스크 설문 (익명만)</source>
        <translation>Kiosk survey (anonymous only)</translation>
    </message>
    <message>
        <source>직원 PIN (숫자 4–8자리)</source>
        <translation>Staff PIN (4–8 digits)</translation>
    </message>
    <message>
        <source>PIN 다시</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <source>바꾸지 않으려면 비워 두십시오</source>
        <translation>Leave empty to keep it</translation>
    </message>
    <message>
        <source>키오스크 PC에서 프로그램을 열고 키오스크 역할의 계정으로 로그인하면 이 설문이 전체 화면으로 열립니다. 화면 왼쪽 아래 '직원'을 눌러 PIN을 넣어야 닫힙니다.</source>
        <translation>On the kiosk PC, open the program and sign in with an account of the kiosk role: this survey opens full screen. It closes only with 'Staff' (bottom left) and the PIN.</translation>
    </message>
    <message>
        <source>먼저 익명 설문을 만드십시오.</source>
        <translation>Create an anonymous survey first.</translation>
    </message>
    <message>
        <source>두 PIN이 다릅니다.</source>
        <translation>The two PINs differ.</translation>
    </message>
    <message>
        <source>처음에는 PIN을 정해야 합니다.</source>
        <translation>Set a PIN the first time.</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <source>비밀번호</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>화면이 잠겼습니다</source>
        <translation>The screen is locked</translation>
    </message>
    <message>
        <source>자리를 비운 동안 개인정보를 가렸습니다. {who} 님의 비밀번호를 입력하면 하던 작업으로 돌아갑니다.</source>
        <translation>Personal data was hidden while you were away. Enter {who}'s password to return to your work.</translation>
    </message>
    <message>
        <source>잠김</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>잠금 해제</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>프로그램 종료</source>
        <translation>Quit the program</translation>
    </message>
    <message>
        <source>확인 중…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>{app} 로그인</source>
        <translation>{app} sign-in</translation>
    </message>
    <message>
        <source>공공고객관리 — 민원·고객만족</source>
        <translation>Public customer relations — complaints and satisfaction</translation>
    </message>
    <message>
        <source>로그인 ID(&amp;L)</source>
        <translation>&amp;Login ID</translation>
    </message>
    <message>
        <source>비밀번호(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>로그인</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>종료</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>데이터베이스: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>로그인 ID와 비밀번호를 입력하십시오.</source>
        <translation>Enter your login ID and password.</translation>
    </message>
    <message>
        <source>확인 중…</source>
        <translation>Checking…</translation>
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
        <source>분석·개선</source>
        <translation>Analysis</translation>
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
        <source>접속기록 검토</source>
        <translation>Access log review</translation>
    </message>
    <message>
        <source>통합검색</source>
        <translation>Search everything</translation>
    </message>
    <message>
        <source>메뉴</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>내가 맡은 진행 중 민원 가운데 3일 안에 기한이 오는 것 (넘긴 것 포함)</source>
        <translation>My open cases due within three days (overdue included)</translation>
    </message>
    <message>
        <source>통합검색: 이름·전화 뒷자리·주소·접수번호 (Ctrl+K, Enter)</source>
        <translation>Search: name, phone tail, address, receipt no. (Ctrl+K, Enter)</translation>
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
        <source>화면 잠금(&amp;L)</source>
        <translation>&amp;Lock screen</translation>
    </message>
    <message>
        <source>비밀번호 변경(&amp;P)…</source>
        <translation>Change &amp;password…</translation>
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
        <source>사용자 안내서(&amp;U)</source>
        <translation>&amp;User guide</translation>
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
        <source>DB: 사무실 서버 ({server})</source>
        <translation>DB: office server ({server})</translation>
    </message>
    <message>
        <source>DB: 로컬 ({path})</source>
        <translation>DB: local ({path})</translation>
    </message>
    <message>
        <source>오늘 접수 {received} · 처리 {done} · 기한 넘김 {overdue}</source>
        <translation>Today: received {received} · done {done} · overdue {overdue}</translation>
    </message>
    <message>
        <source>백업 없음</source>
        <translation>No backup yet</translation>
    </message>
    <message>
        <source>마지막 백업 {when}</source>
        <translation>Last backup {when}</translation>
    </message>
    <message>
        <source>비밀번호를 바꿨습니다.</source>
        <translation>Your password was changed.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>주민 기록 병합</source>
        <translation>Merge resident records</translation>
    </message>
    <message>
        <source>병합</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>남길 기록을 고르고, 항목마다 어느 쪽 값을 쓸지 고르십시오. 전화번호는 합쳐지고 상담·동의 이력은 남는 기록으로 옮겨집니다. 병합은 접속기록에 전체 내용과 함께 남습니다.</source>
        <translation>Choose the record to keep and, for each field, which value to use. Phone numbers are combined; contacts and consents move to the kept record. The merge is logged with the full content.</translation>
    </message>
    <message>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>출생연도</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>전자우편</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>선호 연락</source>
        <translation>Preferred contact</translation>
    </message>
    <message>
        <source>메모</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>남길 기록</source>
        <translation>Keep record</translation>
    </message>
    <message>
        <source>기록 #{id} (전화 {phones})</source>
        <translation>Record #{id} (phone {phones})</translation>
    </message>
</context>
<context>
    <name>NewSurveyDialog</name>
    <message>
        <source>새 설문</source>
        <translation>New survey</translation>
    </message>
    <message>
        <source>새 설문 만들기</source>
        <translation>Create survey</translation>
    </message>
    <message>
        <source>설문 코드</source>
        <translation>Survey code</translation>
    </message>
    <message>
        <source>제목 (비우면 양식 제목)</source>
        <translation>Title (empty: the template's title)</translation>
    </message>
    <message>
        <source>양식</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>응답 연결</source>
        <translation>Linking</translation>
    </message>
    <message>
        <source>예: MINWON_2027</source>
        <translation>e.g. MINWON_2027</translation>
    </message>
    <message>
        <source>민원·주민과 연결 (해피콜용). 첫 응답 뒤에는 바꿀 수 없습니다.</source>
        <translation>Link answers to complaints and residents (for happy calls). Cannot be changed after the first answer.</translation>
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
        <source>기관 코드(&amp;C)</source>
        <translation>Office &amp;code</translation>
    </message>
    <message>
        <source>기관 이름(&amp;M) *</source>
        <translation>Office na&amp;me *</translation>
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
    <name>PaperEntryDialog</name>
    <message>
        <source>해당없음</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>여러 개</source>
        <translation>several</translation>
    </message>
    <message>
        <source>1=예 2=아니오</source>
        <translation>1=yes 2=no</translation>
    </message>
    <message>
        <source>숫자</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>글</source>
        <translation>text</translation>
    </message>
    <message>
        <source>서면 설문 입력 — {survey}</source>
        <translation>Paper survey entry — {survey}</translation>
    </message>
    <message>
        <source>전화 설문 응답 — {survey}</source>
        <translation>Phone survey answers — {survey}</translation>
    </message>
    <message>
        <source>양식 번호</source>
        <translation>Form no.</translation>
    </message>
    <message>
        <source>작성일</source>
        <translation>Date on form</translation>
    </message>
    <message>
        <source>이중 입력 (같은 양식을 두 번 입력해 대조)</source>
        <translation>Double entry (key each form twice and compare)</translation>
    </message>
    <message>
        <source>예: A-0001</source>
        <translation>e.g. A-0001</translation>
    </message>
    <message>
        <source>양식</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>문항</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>1차</source>
        <translation>1st</translation>
    </message>
    <message>
        <source>2차</source>
        <translation>2nd</translation>
    </message>
    <message>
        <source>불일치 보고서 저장…</source>
        <translation>Save mismatch report…</translation>
    </message>
    <message>
        <source>닫기</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>이 양식 저장 (Ctrl+Enter)</source>
        <translation>Save this form (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>종이에 적힌 번호를 치고 Enter. 빈칸에서 Enter는 무응답, 마지막 칸의 Enter는 저장입니다. 척도 문항의 9는 '해당없음'입니다.</source>
        <translation>Type the number on the paper, then Enter. Enter on an empty field means no answer; Enter in the last field saves. On scale items 9 means 'not applicable'.</translation>
    </message>
    <message>
        <source>문항을 읽어 드리고 답의 번호를 치고 Enter. 마지막 칸의 Enter로 통화 결과 '응답'과 함께 저장합니다. 전반적 만족이 2점 이하면 관리자 회신 요청이 만들어집니다.</source>
        <translation>Read each question, type the answer's number, Enter. Enter in the last field saves it with the call result 'Answered'. An overall score of 2 or lower asks a manager to call back.</translation>
    </message>
    <message>
        <source>꼭 답해야 하는 문항입니다. 종이에 답이 없으면 양식을 따로 두십시오.</source>
        <translation>This item must be answered. If the paper has no answer, set the form aside.</translation>
    </message>
    <message>
        <source>1차 입력을 마쳤습니다. 같은 양식을 다시 입력하십시오.</source>
        <translation>First keying done. Key the same form again.</translation>
    </message>
    <message>
        <source>1차·2차가 다릅니다. 종이를 보고 다시 입력하십시오.</source>
        <translation>1st and 2nd keying differ. Look at the paper and key it again.</translation>
    </message>
    <message>
        <source>저장했습니다: 양식 {form} (이번에 {n}장). 다음 양식을 입력하십시오.</source>
        <translation>Saved: form {form} ({n} this session). Key the next form.</translation>
    </message>
    <message>
        <source>서면 설문 입력</source>
        <translation>Paper survey entry</translation>
    </message>
    <message>
        <source>3차: 다른 문항만</source>
        <translation>3rd: differing items only</translation>
    </message>
    <message>
        <source>2차 입력</source>
        <translation>2nd keying</translation>
    </message>
    <message>
        <source>1차 입력</source>
        <translation>1st keying</translation>
    </message>
    <message>
        <source>불일치 보고서 저장</source>
        <translation>Save mismatch report</translation>
    </message>
    <message>
        <source>불일치 {n}건을 저장했습니다: {path}</source>
        <translation>Saved {n} mismatches: {path}</translation>
    </message>
</context>
<context>
    <name>PeriodEdit</name>
    <message>
        <source>일 단위</source>
        <translation>days</translation>
    </message>
    <message>
        <source>주 단위</source>
        <translation>weeks</translation>
    </message>
    <message>
        <source>개월 단위</source>
        <translation>months</translation>
    </message>
    <message>
        <source>년 단위</source>
        <translation>years</translation>
    </message>
    <message>
        <source>{name} 처리기간</source>
        <translation>{name} period</translation>
    </message>
    <message>
        <source>{name} 처리기간 단위</source>
        <translation>{name} period unit</translation>
    </message>
    <message>
        <source>일: 5일 이하는 근무시간, 6일 이상은 날짜로 세고 토·일요일과 공휴일은 빼며 0일은 즉시입니다(법 제19조①②). 주·개월·년: 접수일을 첫날로 달력으로 세어 사이의 쉬는 날도 세고, 끝나는 날이 토요일·공휴일이면 다음 근무일로 넘깁니다(법 제19조③, 민법 제160조·제161조).</source>
        <translation>Days: up to 5 days are counted in working hours, 6 or more in days, without Saturdays, Sundays and holidays; 0 days is immediately (Act Art. 19(1)(2)). Weeks, months, years: counted by the calendar from the day of receipt as the first day, the days off inside included; an end on a Saturday or holiday moves to the next working day (Act Art. 19(3), Civil Act Arts. 160–161).</translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message>
        <source>일시</source>
        <translation>Date/time</translation>
    </message>
    <message>
        <source>경로</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>종류</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>민원 {step}</source>
        <translation>Case: {step}</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>담당</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>동의 기록을 저장했습니다.</source>
        <translation>Consent recorded.</translation>
    </message>
    <message>
        <source>동의 기간</source>
        <translation>Consent period</translation>
    </message>
    <message>
        <source>동의 방법</source>
        <translation>Consent method</translation>
    </message>
    <message>
        <source>상담·민원 이력</source>
        <translation>Contacts and cases</translation>
    </message>
    <message>
        <source>상담 내용</source>
        <translation>summary</translation>
    </message>
    <message>
        <source>상담 경로</source>
        <translation>Contact channel</translation>
    </message>
    <message>
        <source>상담 종류</source>
        <translation>Contact kind</translation>
    </message>
    <message>
        <source>동의 목적</source>
        <translation>consent purpose</translation>
    </message>
    <message>
        <source>동의 항목</source>
        <translation>consent items</translation>
    </message>
    <message>
        <source>표시 (기록됨)</source>
        <translation>Reveal (logged)</translation>
    </message>
    <message>
        <source>가린 이름·전화를 보여 줍니다. 사유와 함께 접속기록에 남습니다.</source>
        <translation>Shows the masked name and phone; logged with your reason.</translation>
    </message>
    <message>
        <source>가리기</source>
        <translation>Mask again</translation>
    </message>
    <message>
        <source>보여 준 이름·전화를 다시 가립니다.</source>
        <translation>Masks the shown name and phone again.</translation>
    </message>
    <message>
        <source>수정</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>타임라인</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>동의·개인정보</source>
        <translation>Consent and privacy</translation>
    </message>
    <message>
        <source>메모</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>+ 상담 기록 (Ctrl+I)</source>
        <translation>+ Contact (Ctrl+I)</translation>
    </message>
    <message>
        <source>상담 내용을 입력하고 Enter</source>
        <translation>Type what was discussed and press Enter</translation>
    </message>
    <message>
        <source>목적 (예: 복지 서비스 안내)</source>
        <translation>Purpose (e.g. welfare service notices)</translation>
    </message>
    <message>
        <source>항목 (예: 휴대전화, 주소)</source>
        <translation>Items (e.g. mobile phone, address)</translation>
    </message>
    <message>
        <source>동의 기록 추가</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <source>1년 보유</source>
        <translation>Keep 1 year</translation>
    </message>
    <message>
        <source>3년 보유</source>
        <translation>Keep 3 years</translation>
    </message>
    <message>
        <source>5년 보유</source>
        <translation>Keep 5 years</translation>
    </message>
    <message>
        <source>서면</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>구두</source>
        <translation>Verbal</translation>
    </message>
    <message>
        <source>온라인</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>주민 정보</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>목록에서 주민을 고르면 여기에 모든 기록이 나옵니다.</source>
        <translation>Pick a resident in the list to see everything about them here.</translation>
    </message>
    <message>
        <source>{year}년생 ({age}세)</source>
        <translation>Born {year} (age {age})</translation>
    </message>
    <message>
        <source>출생연도 미상</source>
        <translation>Birth year unknown</translation>
    </message>
    <message>
        <source>고객집단 없음</source>
        <translation>No customer group</translation>
    </message>
    <message>
        <source>전화 없음</source>
        <translation>No phone</translation>
    </message>
    <message>
        <source>선호: {channel}</source>
        <translation>Prefers: {channel}</translation>
    </message>
    <message>
        <source>접근성: {needs}</source>
        <translation>Accessibility: {needs}</translation>
    </message>
    <message>
        <source>기록된 동의가 없습니다.</source>
        <translation>No consent recorded.</translation>
    </message>
    <message>
        <source>메모가 없습니다.</source>
        <translation>No memo.</translation>
    </message>
    <message>
        <source>상담 기록을 저장했습니다.</source>
        <translation>Contact saved.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>데이터베이스가 손상되었습니다</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>데이터베이스 파일이 손상되어 열지 않았습니다. 손상된 파일에는 아무것도 쓰지 않았습니다.

가장 최근의 정상 백업으로 복원할 수 있습니다. 손상된 파일은 지우지 않고 같은 폴더에 이름을 바꿔 남겨 둡니다(전산 담당자가 살펴볼 수 있도록). 백업한 뒤에 입력한 내용은 복원되지 않으니, 복원한 뒤 그 사이의 일을 다시 입력하십시오.

다른 PC에서 이 데이터베이스를 쓰고 있다면 먼저 모두 닫으십시오.</source>
        <translation>The database file is damaged, so it was not opened. Nothing was written to the damaged file.

You can restore the most recent good backup. The damaged file is not deleted: it is kept in the same folder under a new name (so that IT staff can look at it). Anything entered after the backup is not restored: enter that work again after restoring.

If other PCs use this database, close the program on all of them first.</translation>
    </message>
    <message>
        <source>파일: {path}
검사 결과: {problem}</source>
        <translation>File: {path}
Check result: {problem}</translation>
    </message>
    <message>
        <source>복원은 관리자만 할 수 있습니다. 복원할 백업을 만들 때의 관리자 로그인 ID와 비밀번호를 입력하십시오.</source>
        <translation>Only an administrator can restore. Enter the administrator login ID and password as they were when the backup was made.</translation>
    </message>
    <message>
        <source>관리자 로그인 ID</source>
        <translation>Administrator login ID</translation>
    </message>
    <message>
        <source>비밀번호</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>백업으로 복원</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>다른 백업 파일 선택…</source>
        <translation>Choose another backup file…</translation>
    </message>
    <message>
        <source>종료</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>복원할 백업: {name}</source>
        <translation>Backup to restore: {name}</translation>
    </message>
    <message>
        <source>복원할 백업: {when} ({kind}) — {name}</source>
        <translation>Backup to restore: {when} ({kind}) — {name}</translation>
    </message>
    <message>
        <source>더 최근 백업 {count}개는 검사에 실패해 건너뛰었습니다.</source>
        <translation>More recent backups that failed their check and were skipped: {count}.</translation>
    </message>
    <message>
        <source>backups 폴더에 검사를 통과한 백업이 없습니다. USB 등에 따로 둔 백업이 있으면 '다른 백업 파일 선택…'으로 고르십시오.</source>
        <translation>There is no backup in the backups folder that passes its check. If you have a backup elsewhere (a USB stick), choose it with 'Choose another backup file…'.</translation>
    </message>
    <message>
        <source>백업을 검사하는 중…</source>
        <translation>Checking the backups…</translation>
    </message>
    <message>
        <source>복원할 백업 파일</source>
        <translation>Backup file to restore</translation>
    </message>
    <message>
        <source>PCRM 백업 (*.db);;모든 파일 (*)</source>
        <translation>PCRM backups (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>백업으로 복원하는 중…</source>
        <translation>Restoring from the backup…</translation>
    </message>
    <message>
        <source>복원했습니다</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>백업 {name}을(를) 새 데이터베이스로 복원했습니다.
손상된 파일은 지우지 않고 옮겨 두었습니다: {damaged}
백업한 뒤에 입력한 내용은 다시 입력하십시오.</source>
        <translation>The backup {name} was restored as the new database.
The damaged file was not deleted but moved aside: {damaged}
Enter again what was entered after the backup.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>보고서 종류</source>
        <translation>Report kinds</translation>
    </message>
    <message>
        <source>보고서</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>월간 민원·고객만족 보고서</source>
        <translation>Monthly complaints and satisfaction report</translation>
    </message>
    <message>
        <source>민원처리부 (PDF)</source>
        <translation>Complaint register (PDF)</translation>
    </message>
    <message>
        <source>만족도 조사 결과</source>
        <translation>Survey results</translation>
    </message>
    <message>
        <source>보고 월</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>시작</source>
        <translation>From</translation>
    </message>
    <message>
        <source>끝</source>
        <translation>To</translation>
    </message>
    <message>
        <source>설문</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>같은 표를 엑셀로도 저장</source>
        <translation>Also save the tables as Excel</translation>
    </message>
    <message>
        <source>만들기</source>
        <translation>Build</translation>
    </message>
    <message>
        <source>저장…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>열기</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>인쇄…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>왼쪽에서 보고서 종류와 기간을 고르고 [만들기]를 누르면 여기에 쪽마다 미리 보기가 나옵니다. 저장·열기·인쇄는 그다음에 됩니다.</source>
        <translation>Choose a report and its period on the left and press [Build]: a preview of each page appears here. Save, Open and Print work after that.</translation>
    </message>
    <message>
        <source>설문 목록을 읽지 못했습니다.</source>
        <translation>The survey list could not be read.</translation>
    </message>
    <message>
        <source>먼저 설문을 만드십시오.</source>
        <translation>Create a survey first.</translation>
    </message>
    <message>
        <source>만드는 중…</source>
        <translation>Building…</translation>
    </message>
    <message>
        <source>만드는 중: {step}</source>
        <translation>Building: {step}</translation>
    </message>
    <message>
        <source>{n}쪽</source>
        <translation>Page {n}</translation>
    </message>
    <message>
        <source>보고서 저장</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>저장하지 못했습니다: {path}
{reason}</source>
        <translation>Could not save: {path}
{reason}</translation>
    </message>
    <message>
        <source>저장했습니다: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>인쇄 준비 중…</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <source>인쇄 준비 중: {step}</source>
        <translation>Preparing to print: {step}</translation>
    </message>
    <message>
        <source>인쇄</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>프린터를 열 수 없습니다.</source>
        <translation>The printer cannot be opened.</translation>
    </message>
    <message>
        <source>인쇄로 보냈습니다: {n}쪽</source>
        <translation>Sent to the printer: {n} pages</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>비밀번호 초기화</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>{name}({login}) 님에게 임시 비밀번호를 줍니다. 잠긴 계정은 풀리고, 본인이 로그인할 때 새 비밀번호로 바꿔야 합니다. 임시 비밀번호는 직접 전하십시오.</source>
        <translation>Give {name} ({login}) a temporary password. A locked account is unlocked, and they must choose a new password when signing in. Hand the temporary password over in person.</translation>
    </message>
    <message>
        <source>임시 비밀번호(&amp;T)</source>
        <translation>&amp;Temporary password</translation>
    </message>
    <message>
        <source>새로 만들기</source>
        <translation>Generate another</translation>
    </message>
</context>
<context>
    <name>RetentionSettings</name>
    <message>
        <source>대상</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>보존기간</source>
        <translation>Retention period</translation>
    </message>
    <message>
        <source>{months}개월</source>
        <translation>{months} months</translation>
    </message>
    <message>
        <source>이 날 이전</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>건수</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>함께 지우는 것</source>
        <translation>Destroyed with them</translation>
    </message>
    <message>
        <source>파기 일시</source>
        <translation>Destroyed at</translation>
    </message>
    <message>
        <source>처리자</source>
        <translation>By</translation>
    </message>
    <message>
        <source>방법</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>보존기간이 지난 개인정보는 복구할 수 없게 파기하고 파기 대장에 남깁니다. 민원은 통계(분류·부서·경로·날짜)만 남기고 익명 처리하며, 주민 기록은 남은 민원이나 유효한 동의가 없을 때 지웁니다. 기간은 관리자가 바꾸고, 미리보기와 파기 대장은 팀장도 봅니다. 백업 파일은 백업 보관 주기에 따라 지워집니다.</source>
        <translation>Personal data past its retention period is destroyed so that it cannot be restored, and recorded in the destruction ledger. Complaints are anonymised, keeping only their statistics (category, department, channel, dates); a resident record is deleted when no complaint or running consent still needs it. Administrators change the periods; managers may also see the preview and the ledger. Backup files go with the backups' own rotation.</translation>
    </message>
    <message>
        <source>기본 {default}개월 · 최소 {minimum}개월</source>
        <translation>default {default} · min. {minimum} months</translation>
    </message>
    <message>
        <source>개월</source>
        <translation> months</translation>
    </message>
    <message>
        <source>보존기간 저장</source>
        <translation>Save periods</translation>
    </message>
    <message>
        <source>기본값으로</source>
        <translation>Defaults</translation>
    </message>
    <message>
        <source>미리보기와 파기</source>
        <translation>Preview and destruction</translation>
    </message>
    <message>
        <source>미리보기</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>파기 실행…</source>
        <translation>Destroy…</translation>
    </message>
    <message>
        <source>파기 대장</source>
        <translation>Destruction ledger</translation>
    </message>
    <message>
        <source>첨부 파일</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>해피콜</source>
        <translation>Happy calls</translation>
    </message>
    <message>
        <source>설문 연결</source>
        <translation>Survey links</translation>
    </message>
    <message>
        <source>상담 이력</source>
        <translation>Contact history</translation>
    </message>
    <message>
        <source>미리보기를 누르면 지금 파기할 건수를 셉니다.</source>
        <translation>Press Preview to count what would be destroyed now.</translation>
    </message>
    <message>
        <source>관리자와 팀장만 볼 수 있습니다.</source>
        <translation>Only administrators and managers can see this.</translation>
    </message>
    <message>
        <source>모두 {total}건</source>
        <translation>{total} in all</translation>
    </message>
    <message>
        <source>파기할 건수를 세는 중…</source>
        <translation>Counting the records to destroy…</translation>
    </message>
    <message>
        <source>보존기간을 저장했습니다. 다음 파기부터 적용됩니다.</source>
        <translation>Retention periods saved. They apply from the next destruction run.</translation>
    </message>
    <message>
        <source>다음 기록을 파기합니다. 파기한 기록은 되돌릴 수 없습니다.</source>
        <translation>These records will be destroyed. Destroyed records cannot be brought back.</translation>
    </message>
    <message>
        <source>· {kind}: {count}건 ({cutoff} 이전)</source>
        <translation>· {kind}: {count} (before {cutoff})</translation>
    </message>
    <message>
        <source>민원은 통계 항목만 남기고 익명 처리합니다. 파기 대장과 접속기록에 남습니다. 실행하시겠습니까?</source>
        <translation>Complaints are anonymised, keeping only their statistics. The run is recorded in the destruction ledger and the access log. Go ahead?</translation>
    </message>
    <message>
        <source>파기 실행</source>
        <translation>Destroy</translation>
    </message>
    <message>
        <source>파기하는 중…</source>
        <translation>Destroying…</translation>
    </message>
    <message>
        <source>파기했습니다: 모두 {total}건, 파기 대장 {rows}건.</source>
        <translation>Destroyed: {total} records in all, {rows} ledger entries.</translation>
    </message>
    <message>
        <source>첨부 파일 {count}개를 지우지 못했습니다(열려 있는지 확인).</source>
        <translation>{count} attachment files could not be deleted (check whether they are open).</translation>
    </message>
    <message>
        <source>데이터베이스 파일 정리를 마치지 못했습니다. 다른 PC의 프로그램을 닫고 다시 파기를 실행하십시오.</source>
        <translation>The database file could not be compacted. Close the program on the other PCs and run the destruction again.</translation>
    </message>
    <message>
        <source>파기를 취소했습니다. 아무것도 지우지 않았습니다.</source>
        <translation>Destruction cancelled. Nothing was deleted.</translation>
    </message>
    <message>
        <source>보존기간·파기</source>
        <translation>Retention</translation>
    </message>
</context>
<context>
    <name>RevealReasonDialog</name>
    <message>
        <source>열람 사유</source>
        <translation>Reason for viewing</translation>
    </message>
    <message>
        <source>가린 정보 표시</source>
        <translation>Reveal masked data</translation>
    </message>
    <message>
        <source>열람 사유를 고르거나 입력하십시오 (접속기록에 남습니다):</source>
        <translation>Choose or enter the reason for viewing (kept in the access log):</translation>
    </message>
    <message>
        <source>본인 확인</source>
        <translation>Identity check</translation>
    </message>
    <message>
        <source>민원 처리</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>법령 근거</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>사유 (예: 본인 확인 후 연락처 안내)</source>
        <translation>Reason (e.g. contact details given after an identity check)</translation>
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
        <source>계정</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>마지막 로그인</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <source>직원 목록</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>새 직원 이름</source>
        <translation>New staff member's name</translation>
    </message>
    <message>
        <source>새 직원 로그인 ID</source>
        <translation>New staff member's login ID</translation>
    </message>
    <message>
        <source>새 직원 역할</source>
        <translation>New staff member's role</translation>
    </message>
    <message>
        <source>새 직원 부서</source>
        <translation>New staff member's department</translation>
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
        <source>민원 기한</source>
        <translation>Case deadlines</translation>
    </message>
    <message>
        <source>보존기간·파기</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>백업</source>
        <translation>Backups</translation>
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
        <source>직원 '{name}'을(를) 추가했습니다. 임시 비밀번호: {password} — 본인에게 직접 전하십시오. 처음 로그인할 때 바꾸게 됩니다.</source>
        <translation>Staff member '{name}' added. Temporary password: {password} — hand it over in person; it must be changed at the first sign-in.</translation>
    </message>
    <message>
        <source>비밀번호를 초기화할 직원을 표에서 고르십시오.</source>
        <translation>Choose the staff member whose password to reset in the table.</translation>
    </message>
    <message>
        <source>{name} 님의 비밀번호를 초기화했습니다.</source>
        <translation>{name}'s password was reset.</translation>
    </message>
    <message>
        <source>자동 잠금 시간을 {n}분으로 정했습니다.</source>
        <translation>Automatic lock set to {n} minutes.</translation>
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
        <source>비밀번호 초기화…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>자리 비움 자동 잠금:</source>
        <translation>Lock when idle after:</translation>
    </message>
    <message>
        <source> 분</source>
        <translation> min</translation>
    </message>
    <message>
        <source>잠금 시간 저장</source>
        <translation>Save lock time</translation>
    </message>
    <message>
        <source>직원 추가: 이름, 로그인 ID, 역할, 부서 (임시 비밀번호를 만들어 보여 줍니다)</source>
        <translation>Add staff: name, login ID, role, department (a temporary password is made and shown)</translation>
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
        <source>잠김</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>비밀번호 없음</source>
        <translation>No password</translation>
    </message>
    <message>
        <source>임시 비밀번호</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <source>정상</source>
        <translation>OK</translation>
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
        <source>부서 '{name}'을(를) 추가했습니다.</source>
        <translation>Department '{name}' added.</translation>
    </message>
    <message>
        <source>직원 상태를 바꿨습니다.</source>
        <translation>Staff member status changed.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>처음 실행합니다: 데이터베이스를 만드는 중입니다…</source>
        <translation>First start: creating the database…</translation>
    </message>
    <message>
        <source>새 버전입니다: 데이터베이스를 백업하고 옮기는 중입니다.
자료가 많으면 몇 분 걸릴 수 있습니다. 프로그램을 끄지 마십시오.</source>
        <translation>A new version: backing up and upgrading the database.
With much data this can take a few minutes. Do not close the program.</translation>
    </message>
</context>
<context>
    <name>SurveysPage</name>
    <message>
        <source>{d:+.1f} (유의하지 않음)</source>
        <translation>{d:+.1f} (not significant)</translation>
    </message>
    <message>
        <source>n {n} — 30 미만, 표시하지 않음</source>
        <translation>n {n} — under 30, not shown</translation>
    </message>
    <message>
        <source>문항</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>점수 (100점)</source>
        <translation>Score (of 100)</translation>
    </message>
    <message>
        <source>95% 범위</source>
        <translation>95% range</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>해당없음</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>무응답</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>전월 대비</source>
        <translation>vs last month</translation>
    </message>
    <message>
        <source>구분</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>민원만족도</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>응답</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>일시</source>
        <translation>Date/time</translation>
    </message>
    <message>
        <source>방식</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>걸린 시간(초)</source>
        <translation>Seconds taken</translation>
    </message>
    <message>
        <source>표시</source>
        <translation>flagged</translation>
    </message>
    <message>
        <source>접수번호</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>제목</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>민원인</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>요청 시각</source>
        <translation>Requested at</translation>
    </message>
    <message>
        <source>문항별 결과</source>
        <translation>Results by question</translation>
    </message>
    <message>
        <source>구분별 결과</source>
        <translation>Results by group</translation>
    </message>
    <message>
        <source>응답 품질 검토 목록</source>
        <translation>Responses to review</translation>
    </message>
    <message>
        <source>관리자 회신 요청 목록</source>
        <translation>Call-back requests</translation>
    </message>
    <message>
        <source>만족도 조사</source>
        <translation>Surveys</translation>
    </message>
    <message>
        <source>설문</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>문항별 점수 (100점, 막대 끝 선 = 95% 범위)</source>
        <translation>Item scores (of 100; whiskers = 95% range)</translation>
    </message>
    <message>
        <source>새 설문…</source>
        <translation>New survey…</translation>
    </message>
    <message>
        <source>문항 편집…</source>
        <translation>Edit items…</translation>
    </message>
    <message>
        <source>서면 입력…</source>
        <translation>Paper entry…</translation>
    </message>
    <message>
        <source>키오스크 설정…</source>
        <translation>Kiosk setup…</translation>
    </message>
    <message>
        <source>응답 내보내기…</source>
        <translation>Export answers…</translation>
    </message>
    <message>
        <source>회신 완료 기록…</source>
        <translation>Record callback…</translation>
    </message>
    <message>
        <source>종이 설문지를 키보드만으로 입력합니다 (이중 입력 가능).</source>
        <translation>Key in paper forms by keyboard alone (double entry available).</translation>
    </message>
    <message>
        <source>문항별</source>
        <translation>By item</translation>
    </message>
    <message>
        <source>구분별</source>
        <translation>Breakdown</translation>
    </message>
    <message>
        <source>응답 품질</source>
        <translation>Answer quality</translation>
    </message>
    <message>
        <source>관리자 회신 ({n})</source>
        <translation>Callbacks ({n})</translation>
    </message>
    <message>
        <source>응답 방식</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>접수 경로</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>민원 유형</source>
        <translation>Complaint type</translation>
    </message>
    <message>
        <source>민원 분류</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>부서</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>고객 그룹</source>
        <translation>Customer group</translation>
    </message>
    <message>
        <source>점수 = (평균−1)/(k−1)×100. 민원만족도 = 전반적 만족, 요소만족도 = 요소 문항 평균, 종합 CS 지수 = 0.3×민원만족도 + 0.5×요소만족도 + 0.2×추천(100점). n 30 미만은 표시하지 않고, 30–49는 '참고'. 전월 대비 화살표는 통계적으로 유의할 때만(5%) 붙습니다. 해당없음은 분모에서 뺍니다.</source>
        <translation>Score = (mean−1)/(k−1)×100. Satisfaction = overall satisfaction; element score = mean of the element items; CS index = 0.3×satisfaction + 0.5×elements + 0.2×recommend (of 100). n under 30 is not shown, 30–49 is marked 'reference'. An arrow against last month only when the change is significant (5%). N/A is kept out of every denominator.</translation>
    </message>
    <message>
        <source>전반적 만족 {n}점</source>
        <translation>Overall satisfaction {n}</translation>
    </message>
    <message>
        <source>{title} (v{version}, {kind}, 전체 응답 {n:,})</source>
        <translation>{title} (v{version}, {kind}, {n:,} answers in all)</translation>
    </message>
    <message>
        <source>추천</source>
        <translation>Recommend</translation>
    </message>
    <message>
        <source>키오스크</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>참고</source>
        <translation>reference</translation>
    </message>
    <message>
        <source>월</source>
        <comment>month</comment>
        <translation>Month</translation>
    </message>
    <message>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>서면</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>가져오기</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>모두 같은 답</source>
        <translation>Straight-lined</translation>
    </message>
    <message>
        <source>너무 빠름</source>
        <translation>Too fast</translation>
    </message>
    <message>
        <source>연결</source>
        <translation>linked</translation>
    </message>
    <message>
        <source>익명</source>
        <translation>anonymous</translation>
    </message>
    <message>
        <source>안내·찾기</source>
        <translation>Access</translation>
    </message>
    <message>
        <source>친절</source>
        <translation>Courtesy</translation>
    </message>
    <message>
        <source>전문성</source>
        <translation>Expertise</translation>
    </message>
    <message>
        <source>신속</source>
        <translation>Speed</translation>
    </message>
    <message>
        <source>결과·공정</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>시설</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <source>전반적 만족</source>
        <translation>Overall</translation>
    </message>
    <message>
        <source>n {n} · 95% {range} · 전월 {change}</source>
        <translation>n {n} · 95% {range} · last month {change}</translation>
    </message>
    <message>
        <source>요소만족도</source>
        <translation>Element score</translation>
    </message>
    <message>
        <source>표시 가능한 요소 문항 {n}개의 평균</source>
        <translation>Mean of {n} element items that may be shown</translation>
    </message>
    <message>
        <source>종합 CS 지수</source>
        <translation>CS index</translation>
    </message>
    <message>
        <source>0.3·민원 + 0.5·요소 + 0.2·추천</source>
        <translation>0.3·satisfaction + 0.5·elements + 0.2·recommend</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>추천 {score} · n {n}</source>
        <translation>Recommend {score} · n {n}</translation>
    </message>
    <message>
        <source>전화 응답률</source>
        <translation>Phone response rate</translation>
    </message>
    <message>
        <source>통화 시도 {a} · 연결 {r} · 완료 {c}</source>
        <translation>Calls tried {a} · reached {r} · completed {c}</translation>
    </message>
    <message>
        <source>해피콜로 묻는 연결형 설문에만 있습니다.</source>
        <translation>Only for a linked survey asked by happy calls.</translation>
    </message>
    <message>
        <source>품질 표시는 응답을 빼지 않고 알려 주기만 합니다: 척도 문항 4개 이상에 모두 같은 답, 척도 문항당 2초 미만의 키오스크·전화 응답. 이번 달: {flags}</source>
        <translation>Quality flags only inform; no answer is dropped: the same answer on 4+ scale items, under 2 seconds per scale item. This month: {flags}</translation>
    </message>
    <message>
        <source>없음</source>
        <translation>none</translation>
    </message>
    <message>
        <source>먼저 설문을 만드십시오.</source>
        <translation>Create a survey first.</translation>
    </message>
    <message>
        <source>응답 내보내기</source>
        <translation>Export answers</translation>
    </message>
    <message>
        <source>{path}에 응답을 저장했습니다.</source>
        <translation>Answers saved to {path}.</translation>
    </message>
    <message>
        <source>관리자 회신</source>
        <translation>Manager callback</translation>
    </message>
    <message>
        <source>목록에서 회신한 건을 고르십시오.</source>
        <translation>Choose the case you called back in the list.</translation>
    </message>
    <message>
        <source>{no} 민원인에게 회신한 내용을 적으십시오.</source>
        <translation>What was said to the applicant of {no}?</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>다른 사용자(또는 명령)가 저장 중입니다. 기다리는 중… ({seconds}초)</source>
        <translation>Another user (or a command) is saving. Waiting… ({seconds} s)</translation>
    </message>
    <message>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>access_review</name>
    <message>
        <source>조회</source>
        <translation>View</translation>
    </message>
    <message>
        <source>변경</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>출력</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>반출</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>로그인</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>관리</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>주민 정보 조회</source>
        <translation>Resident record viewed</translation>
    </message>
    <message>
        <source>주민 정보 수정 화면 열람</source>
        <translation>Resident record opened for editing</translation>
    </message>
    <message>
        <source>가린 정보 표시</source>
        <translation>Reveal masked data</translation>
    </message>
    <message>
        <source>민원 열람</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <source>민원 첨부파일 열람</source>
        <translation>Case attachment opened</translation>
    </message>
    <message>
        <source>주민 등록</source>
        <translation>Resident registered</translation>
    </message>
    <message>
        <source>주민 정보 수정</source>
        <translation>Edit resident</translation>
    </message>
    <message>
        <source>중복 주민 병합</source>
        <translation>Duplicate residents merged</translation>
    </message>
    <message>
        <source>주민 가져오기</source>
        <translation>Import residents</translation>
    </message>
    <message>
        <source>상담 기록</source>
        <translation>Contact recorded</translation>
    </message>
    <message>
        <source>동의 기록</source>
        <translation>Consent recorded</translation>
    </message>
    <message>
        <source>민원 접수</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>민원 배정</source>
        <translation>Case assigned</translation>
    </message>
    <message>
        <source>민원 처리 시작</source>
        <translation>Case work started</translation>
    </message>
    <message>
        <source>민원 보류</source>
        <translation>Case put on hold</translation>
    </message>
    <message>
        <source>민원 보류 해제</source>
        <translation>Case resumed</translation>
    </message>
    <message>
        <source>처리기간 연장</source>
        <translation>Deadline extended</translation>
    </message>
    <message>
        <source>민원 이송</source>
        <translation>Case transferred</translation>
    </message>
    <message>
        <source>중간통지</source>
        <translation>Interim notice</translation>
    </message>
    <message>
        <source>민원 처리완료</source>
        <translation>Case completed</translation>
    </message>
    <message>
        <source>민원 다시 처리</source>
        <translation>Case reopened</translation>
    </message>
    <message>
        <source>민원 종결</source>
        <translation>Case closed</translation>
    </message>
    <message>
        <source>민원 연결</source>
        <translation>Link cases</translation>
    </message>
    <message>
        <source>민원 파일 첨부</source>
        <translation>File attached to a case</translation>
    </message>
    <message>
        <source>민원인 연결</source>
        <translation>Attach applicant</translation>
    </message>
    <message>
        <source>민원 이력 가져오기</source>
        <translation>Import case history</translation>
    </message>
    <message>
        <source>해피콜 기록</source>
        <translation>Happy-call records</translation>
    </message>
    <message>
        <source>불만족 응답 후속 조치</source>
        <translation>Follow-up on a dissatisfied answer</translation>
    </message>
    <message>
        <source>민원·주민에 연결된 설문 응답 입력</source>
        <translation>Survey answer linked to a case or resident entered</translation>
    </message>
    <message>
        <source>설문 응답 가져오기</source>
        <translation>Survey answers imported</translation>
    </message>
    <message>
        <source>개선과제 등록</source>
        <translation>Improvement action created</translation>
    </message>
    <message>
        <source>개선과제 진행 변경</source>
        <translation>Improvement action moved on</translation>
    </message>
    <message>
        <source>개선과제 평가</source>
        <translation>Improvement action evaluated</translation>
    </message>
    <message>
        <source>접수증·회신문 출력</source>
        <translation>Receipt or answer letter printed</translation>
    </message>
    <message>
        <source>월간 보고서 작성</source>
        <translation>Monthly report made</translation>
    </message>
    <message>
        <source>민원처리부 PDF 작성</source>
        <translation>Case register PDF made</translation>
    </message>
    <message>
        <source>만족도 조사 결과 작성</source>
        <translation>Survey results report made</translation>
    </message>
    <message>
        <source>월간 접속기록 점검표 작성</source>
        <translation>Monthly access log review made</translation>
    </message>
    <message>
        <source>주민 내보내기</source>
        <translation>Export residents</translation>
    </message>
    <message>
        <source>민원처리부 내보내기</source>
        <translation>Case register exported</translation>
    </message>
    <message>
        <source>설문 응답 내보내기</source>
        <translation>Survey answers exported</translation>
    </message>
    <message>
        <source>로그인 실패</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <source>잠긴 계정으로 로그인 시도</source>
        <translation>Sign-in tried on a locked account</translation>
    </message>
    <message>
        <source>화면 잠금 해제</source>
        <translation>Screen unlocked</translation>
    </message>
    <message>
        <source>화면 잠금 해제 실패</source>
        <translation>Screen unlock failed</translation>
    </message>
    <message>
        <source>잠긴 계정으로 잠금 해제 시도</source>
        <translation>Unlock tried on a locked account</translation>
    </message>
    <message>
        <source>비밀번호 반복 오류로 계정 잠김</source>
        <translation>Account locked after repeated wrong passwords</translation>
    </message>
    <message>
        <source>비밀번호 확인 실패</source>
        <translation>Password check failed</translation>
    </message>
    <message>
        <source>비밀번호 변경</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>로그아웃</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>자동 화면 잠금</source>
        <translation>Screen locked when idle</translation>
    </message>
    <message>
        <source>화면 잠금</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>키오스크 종료</source>
        <translation>Kiosk closed</translation>
    </message>
    <message>
        <source>키오스크 종료 거부 (PIN 오류)</source>
        <translation>Kiosk close refused (wrong PIN)</translation>
    </message>
    <message>
        <source>기관 초기 설정</source>
        <translation>Office set up</translation>
    </message>
    <message>
        <source>기관 정보 수정</source>
        <translation>Office details changed</translation>
    </message>
    <message>
        <source>부서 추가</source>
        <translation>Add department</translation>
    </message>
    <message>
        <source>직원 계정 추가</source>
        <translation>Staff account added</translation>
    </message>
    <message>
        <source>계정 사용 재개</source>
        <translation>Account re-enabled</translation>
    </message>
    <message>
        <source>계정 사용 중지</source>
        <translation>Account suspended</translation>
    </message>
    <message>
        <source>임시 비밀번호 발급</source>
        <translation>Temporary password issued</translation>
    </message>
    <message>
        <source>자동 잠금 시간 설정</source>
        <translation>Idle lock time set</translation>
    </message>
    <message>
        <source>공휴일 불러오기</source>
        <translation>Public holidays loaded</translation>
    </message>
    <message>
        <source>휴일 추가</source>
        <translation>Day off added</translation>
    </message>
    <message>
        <source>휴일 삭제</source>
        <translation>Day off removed</translation>
    </message>
    <message>
        <source>민원 종류 처리기간 변경</source>
        <translation>Case type period changed</translation>
    </message>
    <message>
        <source>민원 분류 추가</source>
        <translation>Case category added</translation>
    </message>
    <message>
        <source>민원 분류 이름 변경</source>
        <translation>Case category renamed</translation>
    </message>
    <message>
        <source>민원 분류 처리기간 변경</source>
        <translation>Case category period changed</translation>
    </message>
    <message>
        <source>민원 분류 사용 중지</source>
        <translation>Case category retired</translation>
    </message>
    <message>
        <source>고객집단 추가</source>
        <translation>Customer group added</translation>
    </message>
    <message>
        <source>고객집단 삭제</source>
        <translation>Customer group removed</translation>
    </message>
    <message>
        <source>설문 만들기</source>
        <translation>Survey created</translation>
    </message>
    <message>
        <source>설문 수정</source>
        <translation>Survey edited</translation>
    </message>
    <message>
        <source>키오스크 설정</source>
        <translation>Kiosk setup</translation>
    </message>
    <message>
        <source>해피콜 대상 추출</source>
        <translation>Happy call sample drawn</translation>
    </message>
    <message>
        <source>데이터베이스 생성</source>
        <translation>Database created</translation>
    </message>
    <message>
        <source>데이터베이스 업그레이드</source>
        <translation>Database upgraded</translation>
    </message>
    <message>
        <source>손상된 데이터베이스를 백업으로 복구</source>
        <translation>Damaged database recovered from a backup</translation>
    </message>
    <message>
        <source>백업 만들기</source>
        <translation>Backup made</translation>
    </message>
    <message>
        <source>보관 주기가 지난 백업 삭제</source>
        <translation>Backups past their rotation deleted</translation>
    </message>
    <message>
        <source>백업 삭제</source>
        <translation>Delete backup</translation>
    </message>
    <message>
        <source>백업으로 복원</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>암호화 백업 반출 (USB)</source>
        <translation>Encrypted backup taken out (USB)</translation>
    </message>
    <message>
        <source>백업 사본 반출</source>
        <translation>Backup copy taken out</translation>
    </message>
    <message>
        <source>데모 데이터 생성</source>
        <translation>Demo data created</translation>
    </message>
    <message>
        <source>데모 주민 생성</source>
        <translation>Demo residents created</translation>
    </message>
    <message>
        <source>데모 민원 생성</source>
        <translation>Demo cases made</translation>
    </message>
    <message>
        <source>데모 응답 생성</source>
        <translation>Demo answers made</translation>
    </message>
    <message>
        <source>보존기간 설정</source>
        <translation>Retention period set</translation>
    </message>
    <message>
        <source>보존기간 지난 기록 파기</source>
        <translation>Records past retention destroyed</translation>
    </message>
    <message>
        <source>접속기록 무결성 검사</source>
        <translation>Access log integrity check</translation>
    </message>
    <message>
        <source>보존기간 지난 접속기록 삭제</source>
        <translation>Access-log entries past their period removed</translation>
    </message>
    <message>
        <source>접속기록 검토</source>
        <translation>Access log review</translation>
    </message>
    <message>
        <source>주민등록번호 형태 다시 가림 (업그레이드)</source>
        <translation>RRN-shaped text masked again (upgrade)</translation>
    </message>
    <message>
        <source>접속기록 검사 기준점 다시 정함</source>
        <translation>Access-log check anchor set anew</translation>
    </message>
    <message>
        <source>접속기록 서명 키 내보내기</source>
        <translation>Access-log signing key exported</translation>
    </message>
    <message>
        <source>접속기록 서명 키 가져오기</source>
        <translation>Access-log signing key imported</translation>
    </message>
    <message>
        <source>단시간 대량 조회</source>
        <translation>Many residents in a short time</translation>
    </message>
    <message>
        <source>근무시간 외 출력·반출</source>
        <translation>Print or export outside office hours</translation>
    </message>
    <message>
        <source>로그인 실패 반복</source>
        <translation>Repeated failed sign-ins</translation>
    </message>
    <message>
        <source>사유 없는 반출·표시</source>
        <translation>Export or reveal without a reason</translation>
    </message>
    <message>
        <source>대량 조회</source>
        <translation>Many views</translation>
    </message>
    <message>
        <source>시간 외</source>
        <translation>Off hours</translation>
    </message>
    <message>
        <source>사유 없음</source>
        <translation>No reason</translation>
    </message>
    <message>
        <source>{actor}: {start}~{end} 주민 {residents}명 조회 ({minutes}분 안에 최대 {peak}명)</source>
        <translation>{actor}: {start}–{end} viewed {residents} residents (up to {peak} within {minutes} minutes)</translation>
    </message>
    <message>
        <source>{actor}: {at} {action} ({when})</source>
        <translation>{actor}: {at} {action} ({when})</translation>
    </message>
    <message>
        <source>{actor}: {day} 로그인 실패 {count}회</source>
        <translation>{actor}: {day} {count} failed sign-ins</translation>
    </message>
    <message>
        <source>{actor}: {at} {action}, 사유 없음</source>
        <translation>{actor}: {at} {action}, no reason given</translation>
    </message>
    <message>
        <source>근무 시작 전</source>
        <translation>before office hours</translation>
    </message>
    <message>
        <source>근무 종료 후</source>
        <translation>after office hours</translation>
    </message>
    <message>
        <source>토요일</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>일요일</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>한 계정이 {minutes}분 안에 서로 다른 주민 {residents}명 이상을 조회</source>
        <translation>One account viewing {residents} or more different residents within {minutes} minutes</translation>
    </message>
    <message>
        <source>근무시간({start}–{end}) 밖이나 휴일의 출력·반출·가린 정보 표시</source>
        <translation>Prints, exports and reveals outside office hours ({start}–{end}) or on a day off</translation>
    </message>
    <message>
        <source>한 계정의 로그인 실패가 하루 {count}회 이상</source>
        <translation>{count} or more failed sign-ins of one account in a day</translation>
    </message>
    <message>
        <source>사유를 적지 않은 반출·가린 정보 표시</source>
        <translation>Exports and reveals without a reason</translation>
    </message>
    <message>
        <source>기록 내용이 바뀌었습니다</source>
        <translation>an entry was changed</translation>
    </message>
    <message>
        <source>기록이 빠졌습니다</source>
        <translation>entries are missing</translation>
    </message>
    <message>
        <source>기록 순서가 바뀌었습니다</source>
        <translation>entries are out of order</translation>
    </message>
    <message>
        <source>앞선 검사 때의 기록과 다릅니다</source>
        <translation>differs from the entry seen by an earlier check</translation>
    </message>
    <message>
        <source>내용과 요약값이 맞지 않습니다</source>
        <translation>the detail does not match its digest</translation>
    </message>
    <message>
        <source>앞부분이 파기 기록 없이 지워졌습니다</source>
        <translation>Its beginning was removed without a destruction record</translation>
    </message>
    <message>
        <source>이 PC에 없는 서명 키({witness})로 기록되어 확인할 수 없습니다</source>
        <translation>signed with a key this PC does not have ({witness}): cannot be checked</translation>
    </message>
    <message>
        <source>따로 보관한 기록({witness})과 다릅니다</source>
        <translation>differs from the copy kept elsewhere ({witness})</translation>
    </message>
    <message>
        <source>앞선 검사가 남긴 기준점 파일이 없습니다: {witness}</source>
        <translation>the anchor file an earlier check left is missing: {witness}</translation>
    </message>
    <message>
        <source>기준점 파일을 읽을 수 없습니다 (손상되었거나 바뀌었습니다): {witness}</source>
        <translation>the anchor file cannot be read (damaged or changed): {witness}</translation>
    </message>
    <message>
        <source>기준점 파일 자리에 폴더가 있습니다: {witness}</source>
        <translation>there is a folder where the anchor file should be: {witness}</translation>
    </message>
    <message>
        <source>기준점이 이 경로에 있던 다른 데이터베이스의 것입니다: {witness}</source>
        <translation>the anchor belongs to another database that was at this path: {witness}</translation>
    </message>
    <message>
        <source> — {witness}에는 그 뒤의 기록까지 있었습니다</source>
        <translation> — {witness} had entries after it</translation>
    </message>
    <message>
        <source>정상: {checked}건 확인, 마지막 기록 {last}번</source>
        <translation>Sound: {checked} entries checked, last entry {last}</translation>
    </message>
    <message>
        <source>검증 불가: {problem}</source>
        <translation>Cannot be verified: {problem}</translation>
    </message>
    <message>
        <source>손상: {entry}번 기록 — {problem} ({checked}건까지 정상)</source>
        <translation>Broken at entry {entry}: {problem} (sound up to {checked} entries)</translation>
    </message>
</context>
<context>
    <name>accounts</name>
    <message>
        <source>비밀번호 규칙: 영문 대문자·소문자·숫자·특수문자 중 세 종류 이상이면 8자 이상, 두 종류면 10자 이상. 로그인 ID, 같은 문자 네 번 연속, 흔한 비밀번호는 쓸 수 없습니다.</source>
        <translation>Password rules: at least 8 characters with three kinds of upper case, lower case, digits and symbols, or at least 10 with two kinds. Not your login ID, no character four times in a row, no common passwords.</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>계획</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>진행 중</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>조치 완료</source>
        <translation>Measure done</translation>
    </message>
    <message>
        <source>평가 완료</source>
        <translation>Evaluated</translation>
    </message>
    <message>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>접수 건수</source>
        <translation>Cases received</translation>
    </message>
    <message>
        <source>주민 1,000명당 민원</source>
        <translation>Cases per 1,000 residents</translation>
    </message>
    <message>
        <source>기한 내 처리율</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <source>평균 처리일수</source>
        <translation>Mean working days</translation>
    </message>
    <message>
        <source>만족도</source>
        <translation>Satisfaction</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>백업하는 중…</source>
        <translation>Backing up…</translation>
    </message>
</context>
<context>
    <name>audit_detail</name>
    <message>
        <source>{n}분</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>잠김 해제, 임시 비밀번호 발급</source>
        <translation>unlocked, temporary password given</translation>
    </message>
    <message>
        <source>임시 비밀번호 발급</source>
        <translation>Temporary password issued</translation>
    </message>
    <message>
        <source>기본 공휴일 목록({version})에서 {n}일</source>
        <translation>built-in public holidays ({version}): {n} days</translation>
    </message>
    <message>
        <source>{n}명 seed={seed}</source>
        <translation>{n} residents, seed={seed}</translation>
    </message>
    <message>
        <source>{n}건 seed={seed}</source>
        <translation>{n} records, seed={seed}</translation>
    </message>
    <message>
        <source>{office}; 부서 {n}개</source>
        <translation>{office}; {n} departments</translation>
    </message>
    <message>
        <source>수정 화면</source>
        <translation>edit form</translation>
    </message>
    <message>
        <source>저장 충돌: 다른 사용자가 저장한 값과 비교</source>
        <translation>save conflict: compared with the values another user saved</translation>
    </message>
    <message>
        <source>기록 #{id} 병합</source>
        <translation>record #{id} merged</translation>
    </message>
    <message>
        <source>민원인 없음</source>
        <translation>No applicant</translation>
    </message>
    <message>
        <source>{template}, 연결</source>
        <translation>{template}, linked</translation>
    </message>
    <message>
        <source>{template}, 익명</source>
        <translation>{template}, anonymous</translation>
    </message>
    <message>
        <source>PIN 변경</source>
        <translation>PIN changed</translation>
    </message>
    <message>
        <source>{n}건 확인, 정상</source>
        <translation>{n} entries checked, sound</translation>
    </message>
    <message>
        <source>{n}건 확인, 손상: {id}번 ({problem})</source>
        <translation>{n} entries checked, broken at #{id} ({problem})</translation>
    </message>
    <message>
        <source>키 {key}</source>
        <translation>key {key}</translation>
    </message>
    <message>
        <source>{n}명, 전체 값</source>
        <translation>{n} residents, full values</translation>
    </message>
    <message>
        <source>{n}명, 가림</source>
        <translation>{n} residents, masked</translation>
    </message>
    <message>
        <source>{n}명 가져옴, 거부 {rejected}행, 중복 의심 {duplicates}행, 중복 의심 제외</source>
        <translation>{n} residents imported, {rejected} rows rejected, {duplicates} rows possible duplicates, duplicates left out</translation>
    </message>
    <message>
        <source>{n}명 가져옴, 거부 {rejected}행, 중복 의심 {duplicates}행</source>
        <translation>{n} residents imported, {rejected} rows rejected, {duplicates} rows possible duplicates</translation>
    </message>
    <message>
        <source>{n}건 가져옴, 거부 {rejected}행, 표시 {flagged}행</source>
        <translation>{n} cases imported, {rejected} rows rejected, {flagged} rows flagged</translation>
    </message>
    <message>
        <source>{first}~{last}: {n}건 (민원인 가림)</source>
        <translation>{first}–{last}: {n} cases (applicants masked)</translation>
    </message>
    <message>
        <source>{month}: {pages}쪽{rest}</source>
        <translation>{month}: {pages} pages{rest}</translation>
    </message>
    <message>
        <source>{first}~{last}: {n}건, {pages}쪽 (민원인 가림)</source>
        <translation>{first}–{last}: {n} cases, {pages} pages (applicants masked)</translation>
    </message>
    <message>
        <source>{survey} {first}~{last}: 응답 {n}건, {pages}쪽</source>
        <translation>{survey} {first}–{last}: {n} answers, {pages} pages</translation>
    </message>
    <message>
        <source>{survey} {first}~{last}: {n}건 (익명 답만, 연결 정보 없음)</source>
        <translation>{survey} {first}–{last}: {n} answers (anonymous answers only, no links)</translation>
    </message>
    <message>
        <source>{survey} v{version}: {n}건 가져옴, 거부 {rejected}행, 빈 행 {empty}행</source>
        <translation>{survey} v{version}: {n} answers imported, {rejected} rows rejected, {empty} empty rows</translation>
    </message>
    <message>
        <source>{before} → {after}개월</source>
        <translation>{before} → {after} months</translation>
    </message>
    <message>
        <source>{n}건 중 {chosen}건 (표본 {share}, {days}일 초과, 불수용 전부)</source>
        <translation>{chosen} of {n} cases (sample {share}, over {days} days, all not accepted)</translation>
    </message>
    <message>
        <source>{n}건 중 {chosen}건 (표본 {share}, {days}일 초과, 불수용 제외)</source>
        <translation>{chosen} of {n} cases (sample {share}, over {days} days, not accepted left out)</translation>
    </message>
    <message>
        <source>보관 주기(매일 {daily}·매주 {weekly}·매월 {monthly})에 따라 {n}개 삭제 ({size}): {names}</source>
        <translation>{n} deleted by the keeping cycle ({daily} daily · {weekly} weekly · {monthly} monthly) ({size}): {names}</translation>
    </message>
    <message>
        <source>{source} ({check}); 복원 전 백업 {pre}; 접속기록 기준점 #{before} → #{after}{moved}{foreign}</source>
        <translation>{source} ({check}); backup before restoring: {pre}; access-log anchor #{before} → #{after}{moved}{foreign}</translation>
    </message>
    <message>
        <source>손상: {problem}; 손상된 파일을 {aside}(으)로 옮김; 복원한 백업: {check}</source>
        <translation>Damage: {problem}; the damaged file was moved to {aside}; backup restored: {check}</translation>
    </message>
    <message>
        <source>{counts}; 파기 대장 {n}건, 첨부 파일 {files}개</source>
        <translation>{counts}; destruction ledger: {n} entries, attached files: {files}</translation>
    </message>
    <message>
        <source>{month}: {n}건, 이상 징후 {findings}건, 무결성 {chain}, 머리 {head}, {pages}쪽</source>
        <translation>{month}: {n} entries, {findings} warning signs, integrity: {chain}, head {head}, {pages} pages</translation>
    </message>
    <message>
        <source>{before} → {after} (백업 복원 뒤)</source>
        <translation>{before} → {after} (after restoring a backup)</translation>
    </message>
    <message>
        <source>{before} → {after} (복구 뒤)</source>
        <translation>{before} → {after} (after recovery)</translation>
    </message>
    <message>
        <source>{size}, 무결성 정상, 스키마 {revision}, 접속기록 {head}까지</source>
        <translation>{size}, integrity sound, database version {revision}, access log up to {head}</translation>
    </message>
    <message>
        <source>{size}, 무결성 정상, 스키마 {revision}, 접속기록 없음까지</source>
        <translation>{size}, integrity sound, database version {revision}, no access log</translation>
    </message>
    <message>
        <source>{size}, 무결성 {integrity}, 스키마 {revision}, 접속기록 {head}까지</source>
        <translation>{size}, integrity: {integrity}, database version {revision}, access log up to {head}</translation>
    </message>
    <message>
        <source>{size}, 무결성 {integrity}, 스키마 {revision}, 접속기록 없음까지</source>
        <translation>{size}, integrity: {integrity}, database version {revision}, no access log</translation>
    </message>
    <message>
        <source> (기준점 파일을 쓰지 못함: {error})</source>
        <translation> (the anchor file could not be written: {error})</translation>
    </message>
    <message>
        <source>; 다른 데이터베이스의 백업 ({backup}, 이전 {live})</source>
        <translation>; a backup of another database ({backup}, previously {live})</translation>
    </message>
    <message>
        <source>정상: {checked}건 확인, 마지막 기록 {last}번</source>
        <translation>Sound: {checked} entries checked, last entry {last}</translation>
    </message>
    <message>
        <source>검증 불가: {problem}</source>
        <translation>Cannot be verified: {problem}</translation>
    </message>
    <message>
        <source>손상: {entry}번 기록 — {problem} ({checked}건까지 정상)</source>
        <translation>Broken at entry {entry}: {problem} (sound up to {checked} entries)</translation>
    </message>
    <message>
        <source>종결 민원 {complaint}, 주민 기록 {citizen}, 상담 이력 {interaction}, 해피콜 기록 {happy_call}, 설문 응답 연결 {survey_link}, 접속기록 {audit_log}</source>
        <translation>finished complaints {complaint}, resident records {citizen}, contact history {interaction}, happy-call records {happy_call}, survey response links {survey_link}, access log {audit_log}</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <source>자동 (시작)</source>
        <translation>Automatic (start)</translation>
    </message>
    <message>
        <source>자동 (종료)</source>
        <translation>Automatic (exit)</translation>
    </message>
    <message>
        <source>자동 (매일)</source>
        <translation>Automatic (daily)</translation>
    </message>
    <message>
        <source>수동</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>복원 전</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <source>업그레이드 전</source>
        <translation>Before upgrade</translation>
    </message>
</context>
<context>
    <name>complaints</name>
    <message>
        <source>접수</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>배정</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>처리중</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>보류</source>
        <translation>On hold</translation>
    </message>
    <message>
        <source>이송</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>처리완료</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>종결</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>처리 시작</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>보류 해제</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>기한 연장</source>
        <translation>Extend</translation>
    </message>
    <message>
        <source>중간통지</source>
        <translation>Interim notice</translation>
    </message>
    <message>
        <source>다시 처리</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>수용</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>일부수용</source>
        <translation>Partly accepted</translation>
    </message>
    <message>
        <source>불수용</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>정보제공</source>
        <translation>Information given</translation>
    </message>
    <message>
        <source>취하</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>기타</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>방문</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>우편</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>팩스</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>국민신문고</source>
        <translation>e-People</translation>
    </message>
    <message>
        <source>이메일</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>문자</source>
        <translation>Text message</translation>
    </message>
    <message>
        <source>방문·대면</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>월</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>화</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>수</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>목</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>금</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>토</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>일</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>기한 재계산</source>
        <translation>Due date recomputed</translation>
    </message>
    <message>
        <source>가져옴</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>민원인 연결</source>
        <translation>Attach applicant</translation>
    </message>
    <message>
        <source>배정…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <source>처리 시작…</source>
        <translation>Start work…</translation>
    </message>
    <message>
        <source>보류…</source>
        <translation>Put on hold…</translation>
    </message>
    <message>
        <source>보류 해제…</source>
        <translation>Resume…</translation>
    </message>
    <message>
        <source>기한 연장…</source>
        <translation>Extend due date…</translation>
    </message>
    <message>
        <source>이송…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <source>중간통지…</source>
        <translation>Send interim notice…</translation>
    </message>
    <message>
        <source>처리완료…</source>
        <translation>Complete…</translation>
    </message>
    <message>
        <source>다시 처리…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>종결…</source>
        <translation>Close case…</translation>
    </message>
</context>
<context>
    <name>deadline</name>
    <message>
        <source>법정민원</source>
        <translation>Statutory petition</translation>
    </message>
    <message>
        <source>질의민원</source>
        <translation>Inquiry</translation>
    </message>
    <message>
        <source>건의민원</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>기타민원</source>
        <translation>Other petition</translation>
    </message>
    <message>
        <source>고충민원</source>
        <translation>Grievance</translation>
    </message>
    <message>
        <source>접수: {at}</source>
        <translation>Received: {at}</translation>
    </message>
    <message>
        <source>처리기간 {label}: 근무시간으로 셉니다 (하루 {per_day}시간, {start}–{end}, 점심 {lunch} 제외; 법 제19조①)</source>
        <translation>Period {label}: counted in working hours ({per_day} hours a day, {start}–{end}, lunch {lunch} excluded; Act Art. 19(1))</translation>
    </message>
    <message>
        <source>처리기간 {days}일: 날짜로 셉니다. 접수일이 1일째이고 토·일요일과 공휴일은 세지 않습니다 (법 제19조②)</source>
        <translation>Period {days} days: counted in days. The day of receipt is day 1; Saturdays, Sundays and holidays do not count (Act Art. 19(2))</translation>
    </message>
    <message>
        <source>{day}: {reason}, 세지 않음</source>
        <translation>{day}: {reason}, not counted</translation>
    </message>
    <message>
        <source>근무시간({end}) 뒤 접수: 다음 근무일을 접수일로 봅니다</source>
        <translation>Received after office hours ({end}): the next working day counts as the day of receipt</translation>
    </message>
    <message>
        <source>근무시간({end}) 뒤 접수: 법 제19조②대로 접수일을 1일째로 셉니다 (설정: 접수일부터)</source>
        <translation>Received after office hours ({end}): as Act Art. 19(2) reads, the day of receipt is day 1 (setting: from the day of receipt)</translation>
    </message>
    <message>
        <source>근무시간({end}) 뒤 접수: 기관 설정에 따라 다음 근무일을 1일째로 셉니다 (설정: 다음 근무일부터)</source>
        <translation>Received after office hours ({end}): by the office's setting the next working day is day 1 (setting: from the next working day)</translation>
    </message>
    <message>
        <source>근무 시작({start}) 전 접수: {start}부터 셉니다</source>
        <translation>Received before opening ({start}): counted from {start}</translation>
    </message>
    <message>
        <source>점심시간 접수: {end}부터 셉니다</source>
        <translation>Received at lunch: counted from {end}</translation>
    </message>
    <message>
        <source>{day}: {spans} → {hours} (누계 {total} / {needed}시간)</source>
        <translation>{day}: {spans} → {hours} (so far {total} of {needed} h)</translation>
    </message>
    <message>
        <source>{day}: {n}일째</source>
        <translation>{day}: day {n}</translation>
    </message>
    <message>
        <source>처리기한: {due}</source>
        <translation>Due: {due}</translation>
    </message>
    <message>
        <source>처리기간 {n}주: 달력으로 셉니다. 접수일을 첫날로 산입하고 사이의 토·일요일과 공휴일도 셉니다 (법 제19조③, 민법 제160조①)</source>
        <translation>Period {n} week(s): counted by the calendar. The day of receipt is the first day, and the Saturdays, Sundays and holidays in between count too (Act Art. 19(3), Civil Act Art. 160(1))</translation>
    </message>
    <message>
        <source>처리기간 {n}개월: 달력으로 셉니다. 접수일을 첫날로 산입하고 사이의 토·일요일과 공휴일도 셉니다 (법 제19조③, 민법 제160조①)</source>
        <translation>Period {n} month(s): counted by the calendar. The day of receipt is the first day, and the Saturdays, Sundays and holidays in between count too (Act Art. 19(3), Civil Act Art. 160(1))</translation>
    </message>
    <message>
        <source>처리기간 {n}년: 달력으로 셉니다. 접수일을 첫날로 산입하고 사이의 토·일요일과 공휴일도 셉니다 (법 제19조③, 민법 제160조①)</source>
        <translation>Period {n} year(s): counted by the calendar. The day of receipt is the first day, and the Saturdays, Sundays and holidays in between count too (Act Art. 19(3), Civil Act Art. 160(1))</translation>
    </message>
    <message>
        <source>근무시간({end}) 뒤 접수: 법 제19조③대로 접수일을 첫날로 셉니다 (설정: 접수일부터)</source>
        <translation>Received after office hours ({end}): as Act Art. 19(3) reads, the day of receipt is the first day (setting: from the day of receipt)</translation>
    </message>
    <message>
        <source>쉬는 날 접수: 달력으로 세므로 접수일을 첫날로 셉니다 (법 제19조③, 설정: 접수일부터)</source>
        <translation>Received on a day off: counted by the calendar, so the day of receipt is the first day (Act Art. 19(3); setting: from the day of receipt)</translation>
    </message>
    <message>
        <source>근무시간 밖 접수: 기관 설정에 따라 다음 근무일을 첫날로 셉니다 (설정: 다음 근무일부터)</source>
        <translation>Received outside office hours: by the office's setting, the next working day is the first day (setting: from the next working day)</translation>
    </message>
    <message>
        <source>{day}: {reason}, 첫날로 삼지 않음</source>
        <translation>{day}: {reason}, not the first day</translation>
    </message>
    <message>
        <source>{day}: 첫날(기산일)</source>
        <translation>{day}: first day of the period</translation>
    </message>
    <message>
        <source>기산일에 해당하는 날 {corresponding}의 전날 {end}에 기간이 끝납니다 (민법 제160조②)</source>
        <translation>The period ends on {end}, the day before {corresponding}, the day corresponding to its first day (Civil Act Art. 160(2))</translation>
    </message>
    <message>
        <source>{month}에는 기산일({first})에 해당하는 날이 없어 그 달의 말일 {end}에 기간이 끝납니다 (민법 제160조③)</source>
        <translation>{month} has no day corresponding to the first day ({first}): the period ends on that month's last day, {end} (Civil Act Art. 160(3))</translation>
    </message>
    <message>
        <source>{day}: {reason}, 기간의 말일이 토요일·공휴일이면 다음 날에 끝납니다 (민법 제161조)</source>
        <translation>{day}: {reason}; a period whose last day is a Saturday or holiday ends the next day (Civil Act Art. 161)</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>입력한 내용이 저장되지 않았습니다. 버리고 닫을까요?</source>
        <translation>What you entered has not been saved. Discard it and close?</translation>
    </message>
    <message>
        <source>버리고 닫기</source>
        <translation>Discard and close</translation>
    </message>
    <message>
        <source>시작</source>
        <translation>From</translation>
    </message>
    <message>
        <source>끝</source>
        <translation>To</translation>
    </message>
    <message>
        <source>예기치 않은 오류가 발생했습니다. 입력한 내용은 저장되지 않았을 수 있습니다.
자세한 내용은 로그 파일에 기록되었습니다: {log}</source>
        <translation>An unexpected error occurred. What you entered may not have been saved.
Details were written to the log file: {log}</translation>
    </message>
</context>
<context>
    <name>drafts</name>
    <message>
        <source>새 민원 접수</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>회신</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>처리 내용</source>
        <translation>Step note</translation>
    </message>
    <message>
        <source>이 민원은 그사이 상태가 바뀌어 지금은 「{step}」 단계를 할 수 없습니다. 입력해 둔 내용은 다음 로그인 때 다시 보이며, 그때 버릴 수 있습니다.</source>
        <translation>This case has changed since, and the step "{step}" cannot be taken now. What you typed is shown again at the next sign-in, where you can discard it.</translation>
    </message>
</context>
<context>
    <name>happy_call</name>
    <message>
        <source>표본</source>
        <translation>Sample</translation>
    </message>
    <message>
        <source>처리 지연</source>
        <translation>Slow</translation>
    </message>
    <message>
        <source>불수용</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>응답</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>부재</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>거절</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>번호 오류</source>
        <translation>Wrong number</translation>
    </message>
    <message>
        <source>통화 대기</source>
        <translation>To call</translation>
    </message>
    <message>
        <source>통화 완료</source>
        <translation>Reached</translation>
    </message>
    <message>
        <source>연결 포기</source>
        <translation>Given up</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>출생연도</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>성별</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>전화2</source>
        <translation>Phone 2</translation>
    </message>
    <message>
        <source>전자우편</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>상세주소</source>
        <translation>Address details</translation>
    </message>
    <message>
        <source>동</source>
        <translation>Dong</translation>
    </message>
    <message>
        <source>법정동코드</source>
        <translation>Legal dong code</translation>
    </message>
    <message>
        <source>선호 연락</source>
        <translation>Preferred contact</translation>
    </message>
    <message>
        <source>고객집단</source>
        <translation>Customer groups</translation>
    </message>
    <message>
        <source>메모</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>원본 번호</source>
        <translation>Source number</translation>
    </message>
    <message>
        <source>접수일시</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>처리일시</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>부서</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>분류</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>제목</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>답변</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>접수경로</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>민원종류</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>item_names</name>
    <message>
        <source>안내·찾기 쉬움</source>
        <translation>Easy to find the way</translation>
    </message>
    <message>
        <source>친절</source>
        <translation>Courtesy</translation>
    </message>
    <message>
        <source>전문성·설명</source>
        <translation>Expertise, explanation</translation>
    </message>
    <message>
        <source>신속·기한 준수</source>
        <translation>Speed, on time</translation>
    </message>
    <message>
        <source>처리 결과·공정</source>
        <translation>Result, fairness</translation>
    </message>
    <message>
        <source>시설·편의</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <source>전반적 만족</source>
        <translation>Overall</translation>
    </message>
    <message>
        <source>추천 의향 (0–10)</source>
        <translation>Would recommend (0–10)</translation>
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
        <source>시스템</source>
        <translation>System</translation>
    </message>
    <message>
        <source>방문</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>문자</source>
        <translation>Text message</translation>
    </message>
    <message>
        <source>우편</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>전자우편</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>인터넷</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>청각</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <source>시각</source>
        <translation>Sight</translation>
    </message>
    <message>
        <source>거동 불편</source>
        <translation>Limited mobility</translation>
    </message>
    <message>
        <source>인지·발달</source>
        <translation>Cognitive or developmental</translation>
    </message>
    <message>
        <source>통역 필요</source>
        <translation>Needs an interpreter</translation>
    </message>
    <message>
        <source>방문 상담</source>
        <translation>Counter visit</translation>
    </message>
    <message>
        <source>전화 상담</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>심층 상담</source>
        <translation>Counselling</translation>
    </message>
    <message>
        <source>찾아가는 상담</source>
        <translation>Outreach</translation>
    </message>
    <message>
        <source>기타</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>데이터베이스</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>기관 정보</source>
        <translation>Office details</translation>
    </message>
    <message>
        <source>주민</source>
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
        <source>백업</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>보존기간·파기</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>접속기록</source>
        <translation>Access log</translation>
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
        <source>데모의 기준 시각(--now)을 알 수 없습니다: {value}
실제 있는 날짜와 시각을 'YYYY-MM-DD HH:MM' 형식으로 입력하십시오. 예: 2026-12-08 14:30</source>
        <translation>Unknown demo time (--now): {value}
Give a real date and time as 'YYYY-MM-DD HH:MM'. Example: 2026-12-08 14:30</translation>
    </message>
    <message>
        <source>업그레이드 전 백업을 만들지 못해 업그레이드하지 않았습니다: {detail}
디스크 공간과 폴더 권한을 확인하십시오.</source>
        <translation>The backup before the upgrade could not be made, so nothing was upgraded: {detail}
Check the free disk space and the folder's permissions.</translation>
    </message>
    <message>
        <source>이 작업을 할 권한이 없습니다({role}).</source>
        <translation>Your role ({role}) does not allow this.</translation>
    </message>
    <message>
        <source>비밀번호를 입력하십시오 ({most}자 이내).</source>
        <translation>Enter a password (at most {most} characters).</translation>
    </message>
    <message>
        <source>비밀번호에 공백이나 제어 문자를 앞뒤에 넣을 수 없습니다.</source>
        <translation>A password cannot start or end with spaces or contain control characters.</translation>
    </message>
    <message>
        <source>비밀번호는 영문 대문자·소문자·숫자·특수문자 중 세 종류 이상으로 8자 이상, 또는 두 종류 이상으로 10자 이상이어야 합니다.</source>
        <translation>A password needs at least 8 characters of three kinds (upper case, lower case, digits, symbols), or at least 10 of two kinds.</translation>
    </message>
    <message>
        <source>비밀번호에 로그인 ID를 넣을 수 없습니다.</source>
        <translation>A password cannot contain the login ID.</translation>
    </message>
    <message>
        <source>같은 문자를 네 번 이상 잇달아 쓸 수 없습니다.</source>
        <translation>The same character cannot appear four or more times in a row.</translation>
    </message>
    <message>
        <source>너무 흔하거나 자판 순서대로인 비밀번호입니다. 다른 비밀번호를 정하십시오.</source>
        <translation>This password is too common or follows the keyboard. Choose another one.</translation>
    </message>
    <message>
        <source>지금 쓰는 비밀번호와 다른 비밀번호를 정하십시오.</source>
        <translation>Choose a password different from the current one.</translation>
    </message>
    <message>
        <source>새 비밀번호와 확인이 서로 다릅니다.</source>
        <translation>The new password and its confirmation differ.</translation>
    </message>
    <message>
        <source>로그인 ID 또는 비밀번호가 맞지 않습니다.</source>
        <translation>Wrong login ID or password.</translation>
    </message>
    <message>
        <source>비밀번호를 {count}번 틀려 계정이 잠겼습니다. 관리자에게 비밀번호 초기화를 요청하십시오.</source>
        <translation>The account is locked after {count} wrong passwords. Ask an administrator to reset the password.</translation>
    </message>
    <message>
        <source>사용이 중지된 계정입니다. 관리자에게 문의하십시오.</source>
        <translation>This account is suspended. Ask an administrator.</translation>
    </message>
    <message>
        <source>이 계정에는 아직 비밀번호가 없습니다. 관리자에게 임시 비밀번호를 받으십시오.</source>
        <translation>This account has no password yet. Ask an administrator for a temporary one.</translation>
    </message>
    <message>
        <source>임시 비밀번호입니다. 새 비밀번호로 바꾼 뒤에 사용할 수 있습니다.</source>
        <translation>This is a temporary password. Change it to a new password before going on.</translation>
    </message>
    <message>
        <source>지금 비밀번호가 맞지 않습니다.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <source>자동 잠금 시간은 {low}~{high}분 사이로 정하십시오.</source>
        <translation>Set the automatic lock between {low} and {high} minutes.</translation>
    </message>
    <message>
        <source>비밀번호 파일을 다른 사용자도 읽을 수 있습니다: {path}. 예약 작업 계정만 읽도록 권한을 바꾸십시오 (예: chmod 600).</source>
        <translation>Other users can read the password file {path}. Make it readable by the scheduled account only (e.g. chmod 600).</translation>
    </message>
    <message>
        <source>비밀번호 파일을 읽을 수 없습니다: {path} ({detail})</source>
        <translation>Cannot read the password file: {path} ({detail})</translation>
    </message>
    <message>
        <source>접속기록이 손상되었습니다: {entry}번 기록부터 맞지 않습니다 ({problem}).</source>
        <translation>The access log is damaged: entries from #{entry} do not match ({problem}).</translation>
    </message>
    <message>
        <source>{name}은(는) 다른 데이터베이스의 백업입니다 (백업 {backup_id}…, 지금 데이터베이스 {live_id}…). 복원하면 이 데이터베이스의 기록이 모두 그 데이터베이스의 것으로 바뀝니다. 정말 그 데이터베이스로 바꾸려면 한 번 더 확인하십시오 (명령줄: --other-database).</source>
        <translation>{name} is a backup of another database (backup {backup_id}…, this database {live_id}…). Restoring it replaces every record of this database with that database's. To really switch to that database, confirm once more (command line: --other-database).</translation>
    </message>
    <message>
        <source>접속기록을 검증할 수 없습니다: {problem}. 누가 지웠거나 바꿨을 수 있습니다. 확인한 뒤 관리자가 pcrm audit reanchor --reason "사유"로 기준점을 다시 정하십시오 (접속기록에 남습니다).</source>
        <translation>The access log cannot be verified: {problem}. Someone may have deleted or changed it. After looking into it, an administrator sets the anchor anew with pcrm audit reanchor --reason "reason" (this is logged).</translation>
    </message>
    <message>
        <source>접속기록이 {entry}번 기록부터 맞지 않아({problem}) 기준점을 다시 정할 수 없습니다. 기준점을 다시 정하면 손상이 가려지므로, 먼저 손상된 기록을 백업과 대조하십시오.</source>
        <translation>The access log does not match from entry {entry} on ({problem}), so the anchor cannot be set anew: that would hide the damage. Compare the damaged entries with a backup first.</translation>
    </message>
    <message>
        <source>이 PC에 서명 키 {key}이(가) 없습니다.</source>
        <translation>This PC does not have the signing key {key}.</translation>
    </message>
    <message>
        <source>접속기록 서명 키 파일을 읽을 수 없습니다: {path}</source>
        <translation>The access-log signing key file cannot be read: {path}</translation>
    </message>
    <message>
        <source>접속기록 서명 키를 저장할 수 없습니다: {path} ({detail})</source>
        <translation>The access-log signing key cannot be saved: {path} ({detail})</translation>
    </message>
    <message>
        <source>이 명령은 개인정보를 다루므로 직원 계정이 필요합니다. --user 로그인ID를 주고 비밀번호를 입력하거나, 예약 작업이면 환경 변수 PCRM_USER와 PCRM_PASSWORD_FILE(비밀번호 한 줄이 든 파일)을 지정하십시오.</source>
        <translation>This command handles personal data and needs a staff account. Give --user LOGIN and type the password, or for scheduled runs set PCRM_USER and PCRM_PASSWORD_FILE (a file holding the password on one line).</translation>
    </message>
    <message>
        <source>--user {login}의 비밀번호를 물을 터미널이 없습니다. 비밀번호는 표준 입력(파이프)으로 받지 않습니다. 터미널에서 실행해 직접 입력하거나, 예약 작업이면 환경 변수 PCRM_PASSWORD_FILE에 비밀번호 한 줄만 든 파일(그 계정만 읽을 수 있게 둔 것)을 지정하십시오.</source>
        <translation>There is no terminal to ask the password of --user {login} on. The password is not read from standard input (a pipe): run the command in a terminal and type it, or, for a scheduled run, set the environment variable PCRM_PASSWORD_FILE to a file holding only the password on one line (readable by that account alone).</translation>
    </message>
    <message>
        <source>이름 칸에 주민등록번호 형태의 숫자가 있습니다. 주민등록번호는 수집하지 않습니다.</source>
        <translation>The name contains a number shaped like a resident registration number. Such numbers are not collected.</translation>
    </message>
    <message>
        <source>출생연도는 1900~{max} 사이여야 합니다.</source>
        <translation>The birth year must be between 1900 and {max}.</translation>
    </message>
    <message>
        <source>출생연도 형식이 올바르지 않습니다: {value}. 예: 1968</source>
        <translation>The birth year is not valid: {value}. e.g. 1968</translation>
    </message>
    <message>
        <source>생년월일과 출생연도가 서로 다릅니다.</source>
        <translation>The date of birth and the birth year differ.</translation>
    </message>
    <message>
        <source>전자우편 주소 형식이 올바르지 않습니다. 예: hong@example.kr</source>
        <translation>The e-mail address is not valid, e.g. hong@example.kr</translation>
    </message>
    <message>
        <source>지원하지 않는 언어 코드입니다.</source>
        <translation>Unsupported language code.</translation>
    </message>
    <message>
        <source>이 주민과 같은 사람일 수 있습니다.</source>
        <translation>This may be the same person as an existing resident.</translation>
    </message>
    <message>
        <source>주민 기록을 찾을 수 없습니다(번호 {id}). 다른 사용자가 병합했을 수 있습니다.</source>
        <translation>Resident record {id} was not found. Another user may have merged it.</translation>
    </message>
    <message>
        <source>그사이 다른 사용자가 이 기록을 고쳤습니다. 다시 열어 최신 내용을 확인한 뒤 저장하십시오.</source>
        <translation>Another user changed this record meanwhile. Open it again, check the latest content, then save.</translation>
    </message>
    <message>
        <source>사유를 입력하십시오. 개인정보 열람·반출은 사유와 함께 기록됩니다.</source>
        <translation>Please give a reason: viewing or exporting personal data is logged with its reason.</translation>
    </message>
    <message>
        <source>알 수 없는 항목입니다.</source>
        <translation>Unknown field.</translation>
    </message>
    <message>
        <source>알 수 없는 상담 종류입니다.</source>
        <translation>Unknown kind of contact.</translation>
    </message>
    <message>
        <source>같은 기록끼리는 병합할 수 없습니다.</source>
        <translation>A record cannot be merged with itself.</translation>
    </message>
    <message>
        <source>고객집단 '{name}'이(가) 이미 있습니다.</source>
        <translation>The customer group '{name}' already exists.</translation>
    </message>
    <message>
        <source>처리기간은 1일부터 {max}일까지입니다.</source>
        <translation>A processing period is 1 to {max} days.</translation>
    </message>
    <message>
        <source>시간 단위 처리기간은 1시간부터 {max}시간(5일)까지입니다. 그보다 길면 일수로 주십시오.</source>
        <translation>A period in hours is 1 to {max} hours (5 days). Give longer periods in days.</translation>
    </message>
    <message>
        <source>주·개월·년 단위 처리기간은 1주부터 1년까지입니다(최대 52주, 12개월, 1년). 즉시는 일 단위 0으로 정하십시오.</source>
        <translation>A period in weeks, months or years is 1 week to 1 year (at most 52 weeks, 12 months, 1 year). For "immediately", set 0 days.</translation>
    </message>
    <message>
        <source>알 수 없는 처리기간 단위입니다: {unit} (가능: days, weeks, months, years)</source>
        <translation>Unknown period unit: {unit} (possible: days, weeks, months, years)</translation>
    </message>
    <message>
        <source>{type}은(는) 처리기간이 정해져 있지 않습니다. 해당 민원사무의 처리기간(일수)을 주십시오.</source>
        <translation>{type} has no set period. Give the period (days) of that service.</translation>
    </message>
    <message>
        <source>알 수 없는 민원 종류입니다: {value} (가능: {known})</source>
        <translation>Unknown petition type: {value} (known: {known})</translation>
    </message>
    <message>
        <source>{day}은(는) 이미 쉬는 날입니다({name}).</source>
        <translation>{day} is already a day off ({name}).</translation>
    </message>
    <message>
        <source>접수 일시 형식이 올바르지 않습니다: {value} (예: 2026-09-23 16:00)</source>
        <translation>The date and time of receipt is not valid: {value} (e.g. 2026-09-23 16:00)</translation>
    </message>
    <message>
        <source>지금 상태에서는 할 수 없는 처리입니다. 화면을 새로 고쳐 현재 상태를 확인하십시오.</source>
        <translation>That step is not possible in the case's current state. Refresh to see where it stands.</translation>
    </message>
    <message>
        <source>사유(내용)를 입력하십시오. 처리 이력에 남습니다.</source>
        <translation>Enter the reason (text). It is kept in the case history.</translation>
    </message>
    <message>
        <source>처리기간 연장은 한 번만 할 수 있습니다.</source>
        <translation>The period can be extended only once.</translation>
    </message>
    <message>
        <source>처리기간({due})이 이미 지나 연장할 수 없습니다. 연장은 기간 안에 해야 합니다.</source>
        <translation>The period ended ({due}); it can no longer be extended. Extend within the period.</translation>
    </message>
    <message>
        <source>연장한 기한은 지금 기한보다 뒤여야 합니다.</source>
        <translation>The new due date must be later than the current one.</translation>
    </message>
    <message>
        <source>접수 일시가 지금보다 뒤입니다. 날짜와 시각을 확인하십시오.</source>
        <translation>The time of receipt is in the future. Check the date and time.</translation>
    </message>
    <message>
        <source>국민신문고 민원은 신청번호를 입력하십시오.</source>
        <translation>Enter the e-People application number.</translation>
    </message>
    <message>
        <source>민원을 찾을 수 없습니다(번호 {id}).</source>
        <translation>Case not found (no. {id}).</translation>
    </message>
    <message>
        <source>배정할 담당자나 부서를 고르십시오.</source>
        <translation>Choose a person or a team to assign.</translation>
    </message>
    <message>
        <source>같은 민원끼리는 연결할 수 없습니다.</source>
        <translation>A case cannot be linked to itself.</translation>
    </message>
    <message>
        <source>민원 {no}에는 이미 민원인이 있습니다. 연결된 민원인은 바꿀 수 없습니다.</source>
        <translation>Case {no} already has an applicant. An attached applicant cannot be changed.</translation>
    </message>
    <message>
        <source>한국어 글꼴(나눔고딕 또는 맑은 고딕)을 찾지 못해 PDF를 만들 수 없습니다. 글꼴을 설치하십시오.</source>
        <translation>No Korean font (NanumGothic or Malgun Gothic) was found, so no PDF can be made. Install one.</translation>
    </message>
    <message>
        <source>민원 {no}은(는) 아직 처리 결과가 없어 회신문을 만들 수 없습니다.</source>
        <translation>Case {no} has no result yet, so there is no answer letter to make.</translation>
    </message>
    <message>
        <source>상태 값을 알 수 없습니다: {value}</source>
        <translation>Unknown status: {value}</translation>
    </message>
    <message>
        <source>날짜 형식을 알 수 없습니다: {value} (예: 2026-11-27 14:05, 06/26/2018 10:58 AM)</source>
        <translation>Unknown date format: {value} (e.g. 2026-11-27 14:05, 06/26/2018 10:58 AM)</translation>
    </message>
    <message>
        <source>기간의 끝이 시작보다 앞섭니다.</source>
        <translation>The end of the period is before its start.</translation>
    </message>
    <message>
        <source>표본 비율은 0%에서 100% 사이입니다.</source>
        <translation>The sample share is between 0% and 100%.</translation>
    </message>
    <message>
        <source>이미 끝난 해피콜입니다.</source>
        <translation>This call is already finished.</translation>
    </message>
    <message>
        <source>해피콜을 찾을 수 없습니다(번호 {id}).</source>
        <translation>Call not found (no. {id}).</translation>
    </message>
    <message>
        <source>첨부 파일이 너무 큽니다(최대 {max_mb}MB).</source>
        <translation>The file is too large (at most {max_mb} MB).</translation>
    </message>
    <message>
        <source>이 데이터베이스에는 첨부 파일을 둘 곳이 없습니다.</source>
        <translation>This database has no place for attachments.</translation>
    </message>
    <message>
        <source>첨부 파일 기록을 찾을 수 없습니다(번호 {id}).</source>
        <translation>Attachment not found (no. {id}).</translation>
    </message>
    <message>
        <source>첨부 파일 '{name}'이(가) 보관 폴더에 없습니다. 백업에서 복원하십시오.</source>
        <translation>The attachment '{name}' is missing from its folder. Restore it from a backup.</translation>
    </message>
    <message>
        <source>분류를 찾을 수 없습니다(번호 {id}).</source>
        <translation>Category not found (no. {id}).</translation>
    </message>
    <message>
        <source>분류는 두 단계까지입니다. 큰 분류 아래에만 더할 수 있습니다.</source>
        <translation>Categories have two levels; add under a top-level one only.</translation>
    </message>
    <message>
        <source>같은 이름의 분류 '{name}'이(가) 이미 있습니다.</source>
        <translation>A category named '{name}' already exists.</translation>
    </message>
    <message>
        <source>연장은 처리기간의 범위에서만 할 수 있습니다. {max}까지로 정하십시오.</source>
        <translation>An extension may be at most as long as the period. Choose {max} or earlier.</translation>
    </message>
    <message>
        <source>접수일시가 1990년 이전이거나 지금보다 뒤입니다: {value}</source>
        <translation>The time of receipt is before 1990 or in the future: {value}</translation>
    </message>
    <message>
        <source>문항 코드는 영문 대문자·숫자·밑줄로 씁니다(예: OVERALL): {item_code}</source>
        <translation>Item codes use capital letters, digits and underscores (e.g. OVERALL): {item_code}</translation>
    </message>
    <message>
        <source>문항 코드 {item_code}이(가) 두 번 나옵니다.</source>
        <translation>Item code {item_code} appears twice.</translation>
    </message>
    <message>
        <source>문항 {item_code}에 보기가 없습니다.</source>
        <translation>Item {item_code} has no options.</translation>
    </message>
    <message>
        <source>문항 {item_code}의 표시 조건은 앞에 나온 문항만 가리킬 수 있습니다.</source>
        <translation>The show-if rule of item {item_code} may refer only to earlier items.</translation>
    </message>
    <message>
        <source>설문에 문항이 없습니다.</source>
        <translation>The questionnaire has no items.</translation>
    </message>
    <message>
        <source>설문에 없는 문항의 답입니다: {item_code}</source>
        <translation>An answer to an item the questionnaire does not have: {item_code}</translation>
    </message>
    <message>
        <source>문항 {item_code}은(는) 꼭 답해야 합니다.</source>
        <translation>Item {item_code} must be answered.</translation>
    </message>
    <message>
        <source>문항 {item_code}에는 '해당없음'을 고를 수 없습니다.</source>
        <translation>Item {item_code} does not allow 'not applicable'.</translation>
    </message>
    <message>
        <source>문항 {item_code}의 답이 올바르지 않습니다: {value}</source>
        <translation>The answer to item {item_code} is not valid: {value}</translation>
    </message>
    <message>
        <source>익명 설문이라 응답을 민원이나 주민과 연결할 수 없습니다.</source>
        <translation>This survey is anonymous: a response cannot be linked to a case or a resident.</translation>
    </message>
    <message>
        <source>응답이 있는 설문은 익명/연결 방식을 바꿀 수 없습니다.</source>
        <translation>A survey with responses cannot change between anonymous and linked.</translation>
    </message>
    <message>
        <source>설문 {survey}을(를) 찾을 수 없습니다.</source>
        <translation>Survey {survey} not found.</translation>
    </message>
    <message>
        <source>설문 코드는 영문·숫자·밑줄로 씁니다(예: MINWON_2026): {survey}</source>
        <translation>A survey code uses letters, digits and underscores (e.g. MINWON_2026): {survey}</translation>
    </message>
    <message>
        <source>설문 코드 {survey}이(가) 이미 있습니다.</source>
        <translation>Survey code {survey} already exists.</translation>
    </message>
    <message>
        <source>알 수 없는 지표입니다: {value}</source>
        <translation>Unknown metric: {value}</translation>
    </message>
    <message>
        <source>개선과제가 가리키는 수치를 알 수 없습니다: {value}</source>
        <translation>The action's figure is unknown: {value}</translation>
    </message>
    <message>
        <source>개선과제의 기한({day})이 이미 지났습니다.</source>
        <translation>The action's due date ({day}) has passed.</translation>
    </message>
    <message>
        <source>개선과제를 이 단계로 옮길 수 없습니다 ({current} → {wanted}).</source>
        <translation>The action cannot move to that step ({current} → {wanted}).</translation>
    </message>
    <message>
        <source>조치를 마친 개선과제만 평가할 수 있습니다 (지금: {current}).</source>
        <translation>Only an action whose measure is done can be evaluated (now: {current}).</translation>
    </message>
    <message>
        <source>평가 기간은 기준 기간이 끝난 {day} 뒤에 시작해야 합니다.</source>
        <translation>The evaluation period must start after the baseline ended ({day}).</translation>
    </message>
    <message>
        <source>개선과제를 찾을 수 없습니다(번호 {id}).</source>
        <translation>Improvement action not found (no. {id}).</translation>
    </message>
    <message>
        <source>달은 YYYY-MM 형식으로 적으십시오. 예: 2026-11 (받은 값: {value})</source>
        <translation>Write the month as YYYY-MM, e.g. 2026-11 (given: {value})</translation>
    </message>
    <message>
        <source>문항 {item_code}의 유형은 바꿀 수 없습니다(예전 답과 섞입니다). 새 코드로 문항을 만드십시오.</source>
        <translation>The type of item {item_code} cannot change (its answers would mix with earlier ones). Make a new item with a new code.</translation>
    </message>
    <message>
        <source>파일의 문자 인코딩을 읽을 수 없습니다: {detail} 아무것도 가져오지 않았습니다.</source>
        <translation>The file's character encoding cannot be read: {detail} Nothing was imported.</translation>
    </message>
    <message>
        <source>알 수 없는 보존 대상입니다: {value} (가능: {known})</source>
        <translation>Unknown kind of record: {value} (known: {known})</translation>
    </message>
    <message>
        <source>보존기간은 개월 수(정수)로 적으십시오: {value}</source>
        <translation>Give the retention period as a whole number of months: {value}</translation>
    </message>
    <message>
        <source>{kind}의 보존기간은 {minimum}개월보다 짧게 정할 수 없습니다(입력: {value}개월).</source>
        <translation>The retention period of {kind} cannot be shorter than {minimum} months (entered: {value} months).</translation>
    </message>
    <message>
        <source>보존기간은 {maximum}개월까지 정할 수 있습니다(입력: {value}개월).</source>
        <translation>A retention period can be at most {maximum} months (entered: {value} months).</translation>
    </message>
    <message>
        <source>데이터베이스 파일이 아니라 폴더입니다: {path}
폴더 안의 파일(예: pcrm.db)을 지정하십시오. 아무것도 바꾸지 않았습니다.</source>
        <translation>This is a folder, not a database file: {path}
Name a file inside it (for example pcrm.db). Nothing was changed.</translation>
    </message>
    <message>
        <source>심볼릭 링크 {link}이(가) 가리키는 곳이 없습니다: {target}
네트워크 드라이브나 USB가 연결되어 있는지 확인하거나 링크를 고치십시오. 아무것도 만들지 않았습니다.</source>
        <translation>The symbolic link {link} points to something that does not exist: {target}
Check that the network drive or USB stick is connected, or fix the link. Nothing was created.</translation>
    </message>
    <message>
        <source>데이터베이스 폴더가 읽기 전용이라 파일을 열 수 없습니다: {path}
파일이 손상된 것은 아닐 수 있습니다. 파일에는 아무것도 쓰지 않았습니다. 폴더 권한(또는 USB의 쓰기 방지)을 확인하거나, 쓸 수 있는 폴더로 복사해 여십시오.</source>
        <translation>The database folder is read-only, so the file cannot be opened: {path}
The file may well not be damaged. Nothing was written to it. Check the folder's permissions (or the USB stick's write protection), or copy the file to a folder you can write to and open it there.</translation>
    </message>
    <message>
        <source>저장할 공간이 부족합니다: {path}
데이터베이스는 바뀌지 않았고 입력한 내용도 그대로 있습니다. 필요 없는 파일을 지우거나 다른 위치를 고른 뒤 다시 하십시오.</source>
        <translation>Not enough space to save: {path}
The database was not changed and what you typed is still there. Delete files you do not need or choose another place, then try again.</translation>
    </message>
    <message>
        <source>빈 공간이 모자랍니다: {path} (남은 공간 {free}, 필요한 공간 약 {need})
아무것도 바꾸지 않았습니다. 공간을 비우거나 다른 위치를 고른 뒤 다시 하십시오.</source>
        <translation>Not enough free space: {path} ({free} free, about {need} needed)
Nothing was changed. Free some space or choose another place, then try again.</translation>
    </message>
    <message>
        <source>이 폴더에 쓸 수 없습니다: {path}
읽기 전용이거나 권한이 없습니다. 데이터베이스는 바뀌지 않았습니다. 다른 위치를 고르거나 전산 담당자에게 권한을 요청하십시오.</source>
        <translation>This folder cannot be written to: {path}
It is read-only or you lack the permission. The database was not changed. Choose another place or ask IT staff for the permission.</translation>
    </message>
    <message>
        <source>폴더가 없습니다: {path}
USB 메모리가 꽂혀 있는지, 경로가 맞는지 확인하십시오. 아무것도 바꾸지 않았습니다.</source>
        <translation>The folder does not exist: {path}
Check that the USB stick is plugged in and that the path is right. Nothing was changed.</translation>
    </message>
    <message>
        <source>다른 프로그램이 데이터베이스를 잠그고 있습니다: {path}
아무것도 바꾸지 않았습니다. 잠시 뒤 다시 하십시오. 계속되면 다른 PC의 PCRM이나 백업·백신 프로그램이 이 파일을 쓰고 있는지 확인하십시오.</source>
        <translation>Another program holds the database locked: {path}
Nothing was changed. Try again in a moment. If it persists, check whether PCRM on another PC, or a backup or antivirus program, is using this file.</translation>
    </message>
    <message>
        <source>다른 PC나 창에서 이 데이터베이스를 열어 두었습니다: {path}
아무것도 바꾸지 않았습니다. 이 파일을 쓰는 PCRM을 모두 닫은 뒤 다시 하십시오.</source>
        <translation>Another PC or window has this database open: {path}
Nothing was changed. Close every PCRM using this file, then try again.</translation>
    </message>
    <message>
        <source>백업 파일을 읽거나 쓰지 못했습니다: {path}
({detail}) 데이터베이스는 바뀌지 않았습니다.</source>
        <translation>The backup file could not be read or written: {path}
({detail}) The database was not changed.</translation>
    </message>
    <message>
        <source>백업 파일이 없습니다: {name}</source>
        <translation>There is no backup file: {name}</translation>
    </message>
    <message>
        <source>백업이 손상되어 쓸 수 없습니다: {name} ({detail})
다른 백업을 고르십시오.</source>
        <translation>The backup is damaged and cannot be used: {name} ({detail})
Choose another backup.</translation>
    </message>
    <message>
        <source>PCRM 데이터베이스의 백업이 아닙니다: {name}
아무것도 바꾸지 않았습니다.</source>
        <translation>This is not a backup of a PCRM database: {name}
Nothing was changed.</translation>
    </message>
    <message>
        <source>이 백업은 더 새로운 버전의 PCRM Desktop이 만든 것입니다(스키마 {revision}). 프로그램을 업데이트한 뒤 복원하십시오. 아무것도 바꾸지 않았습니다.</source>
        <translation>This backup was made by a newer version of PCRM Desktop (schema {revision}). Update the program, then restore. Nothing was changed.</translation>
    </message>
    <message>
        <source>이 백업의 접속기록이 바뀌었거나 손상되었습니다({entry}번 항목: {problem}). 이 백업으로는 복원하지 않습니다. 다른 백업을 고르십시오.</source>
        <translation>This backup's access log was changed or is damaged (entry {entry}: {problem}). It will not be restored. Choose another backup.</translation>
    </message>
    <message>
        <source>암호화된 백업입니다. 만들 때 정한 비밀번호를 입력하십시오.</source>
        <translation>This is an encrypted backup. Enter the password chosen when it was made.</translation>
    </message>
    <message>
        <source>비밀번호가 맞지 않습니다(또는 파일의 앞부분이 손상되었습니다): {name}
암호화 백업은 만들 때 정한 비밀번호로만 열 수 있습니다. 아무 파일도 만들지 않았습니다.</source>
        <translation>The password is wrong (or the start of the file is damaged): {name}
An encrypted backup opens only with the password chosen when it was made. No file was made.</translation>
    </message>
    <message>
        <source>암호화 백업 파일이 손상되었거나 바뀌었습니다: {name} ({detail})
아무 파일도 만들지 않았습니다. 다른 사본을 쓰십시오.</source>
        <translation>The encrypted backup file is damaged or was changed: {name} ({detail})
No file was made. Use another copy.</translation>
    </message>
    <message>
        <source>PCRM 암호화 백업 파일이 아닙니다: {name}</source>
        <translation>This is not a PCRM encrypted backup file: {name}</translation>
    </message>
    <message>
        <source>이 프로그램이 읽을 수 없는 암호화 백업 형식입니다(버전 {version}): {name}
프로그램을 업데이트하십시오.</source>
        <translation>This program cannot read this encrypted backup format (version {version}): {name}
Update the program.</translation>
    </message>
    <message>
        <source>알 수 없는 백업 사유입니다: {reason}</source>
        <translation>Unknown backup reason: {reason}</translation>
    </message>
    <message>
        <source>이 데이터베이스는 파일이 아니어서 이 프로그램이 백업할 수 없습니다. 서버의 백업 기능을 쓰십시오.</source>
        <translation>This database is not a file, so this program cannot back it up. Use the server's own backups.</translation>
    </message>
    <message>
        <source>복원하는 동안 다른 PC에서 계속 저장하고 있어 복원하지 않았습니다: {path}
데이터베이스는 바뀌지 않았습니다. 다른 PC의 PCRM을 모두 닫고 다시 하십시오.</source>
        <translation>Another PC kept saving during the restore, so it was not restored: {path}
The database was not changed. Close PCRM on the other PCs and try again.</translation>
    </message>
    <message>
        <source>복원할 수 있는 백업이 없습니다: {path}
손상된 파일은 그대로 두었습니다. USB 등에 따로 둔 백업이 있으면 그 파일을 고르십시오.</source>
        <translation>There is no backup that can be restored: {path}
The damaged file was left as it is. If you have a backup elsewhere (a USB stick), choose that file.</translation>
    </message>
    <message>
        <source>데이터베이스에 이상이 없습니다. 백업으로 되돌리려면 관리자로 로그인한 뒤 설정 &gt; 백업에서 복원하십시오.</source>
        <translation>The database is fine. To go back to a backup, sign in as an administrator and restore it in Settings &gt; Backups.</translation>
    </message>
    <message>
        <source>복원할 백업에 있는 관리자 계정의 로그인 ID와 비밀번호가 아닙니다. 백업을 만들 때의 관리자 비밀번호를 입력하십시오.</source>
        <translation>This is not the login ID and password of an administrator in the backup to restore. Enter the administrator's password as it was when the backup was made.</translation>
    </message>
    <message>
        <source>지금 쓰고 있는 데이터베이스 파일({name})로는 복원할 수 없습니다. backups 폴더의 백업이나 USB의 백업 파일을 고르십시오.</source>
        <translation>The database file in use ({name}) cannot be restored from. Choose a backup in the backups folder or a backup file on a USB stick.</translation>
    </message>
    <message>
        <source>복원을 취소했습니다. 아무것도 바꾸지 않았습니다.</source>
        <translation>Restore cancelled. Nothing was changed.</translation>
    </message>
    <message>
        <source>지울 백업 파일의 이름을 적으십시오. 'pcrm backup list'로 이름을 볼 수 있습니다.</source>
        <translation>Give the name of the backup file to delete. 'pcrm backup list' shows the names.</translation>
    </message>
    <message>
        <source>복원하면 지금 데이터가 백업 시점의 데이터로 바뀝니다. --yes를 붙여 다시 실행하십시오.</source>
        <translation>Restoring replaces the current data with the backup's. Run it again with --yes.</translation>
    </message>
    <message>
        <source>{line}번째 줄에 {max}자가 넘는 칸이 있어 파일을 읽지 않았습니다. 닫히지 않은 따옴표(")가 없는지 확인하십시오. 아무것도 가져오지 않았습니다.</source>
        <translation>Line {line} has a cell longer than {max} characters, so the file was not read. Check for a quotation mark (") that is never closed. Nothing was imported.</translation>
    </message>
    <message>
        <source>CSV 파일의 {line}번째 줄을 읽을 수 없습니다: {detail}. 아무것도 가져오지 않았습니다.</source>
        <translation>Line {line} of the CSV file cannot be read: {detail}. Nothing was imported.</translation>
    </message>
    <message>
        <source>{row}행의 열이 {columns}개로 너무 많습니다(최대 {max}개). 구분 기호(쉼표)와 파일 형식을 확인하십시오. 아무것도 가져오지 않았습니다.</source>
        <translation>Row {row} has {columns} columns, too many (at most {max}). Check the separator (comma) and the file format. Nothing was imported.</translation>
    </message>
    <message>
        <source>파일이 너무 큽니다: {row}행에서 칸(행×열)이 {max}개를 넘었습니다. 파일을 나누어 가져오십시오. 아무것도 가져오지 않았습니다.</source>
        <translation>The file is too large: at row {row} it passed {max} cells (rows × columns). Split the file and import the parts. Nothing was imported.</translation>
    </message>
    <message>
        <source>파일의 행이 너무 많습니다: {row}행은 엑셀 시트 하나의 최대 행 수 {max}행을 넘습니다. 파일을 나누어 가져오십시오. 아무것도 가져오지 않았습니다.</source>
        <translation>The file has too many rows: row {row} is beyond the {max} rows an Excel sheet can hold. Split the file and import the parts. Nothing was imported.</translation>
    </message>
    <message>
        <source>엑셀 파일 안의 {part}은(는) 압축을 풀면 {max}MB가 넘어 읽지 않았습니다. 행이나 칸이 지나치게 많거나 손상된 파일입니다. 파일을 나누어 가져오십시오. 아무것도 가져오지 않았습니다.</source>
        <translation>{part} in the Excel file would take more than {max} MB once decompressed, so it was not read. The file has far too many rows or cells, or is damaged. Split the file and import the parts. Nothing was imported.</translation>
    </message>
    <message>
        <source>{row}행 {column}열의 칸에 {max}자가 넘는 글자가 있어 파일을 읽지 않았습니다(엑셀은 한 칸에 32,767자까지 씁니다). 아무것도 가져오지 않았습니다.</source>
        <translation>The cell in row {row}, column {column} holds more than {max} characters, so the file was not read (Excel itself keeps at most 32,767 characters in a cell). Nothing was imported.</translation>
    </message>
    <message>
        <source>엑셀 파일의 공유 문자열 목록(sharedStrings)이 너무 큽니다(문자열 {max_strings}개, 한 문자열 {max_chars}자까지 읽음). 파일을 나누어 가져오십시오. 아무것도 가져오지 않았습니다.</source>
        <translation>The Excel file's shared string list (sharedStrings) is too large (up to {max_strings} strings of {max_chars} characters each are read). Split the file and import the parts. Nothing was imported.</translation>
    </message>
    <message>
        <source>{line}번째 줄에서 연 따옴표(")가 닫히지 않아, 그 뒤 {count}줄({last}번째 줄까지)이 한 칸으로 읽혔습니다. 그 따옴표를 지우거나 닫은 뒤 다시 가져오십시오. 아무것도 가져오지 않았습니다.</source>
        <translation>The quote (") opened on line {line} is never closed, so the {count} line(s) after it (up to line {last}) were read as one cell. Remove or close that quote and import again. Nothing was imported.</translation>
    </message>
    <message>
        <source>유니코드 텍스트(UTF-16)로 저장된 파일입니다. 엑셀에서 'CSV UTF-8(쉼표로 분리)' 또는 'Excel 통합 문서(XLSX)'로 다시 저장하십시오.</source>
        <translation>The file is saved as Unicode Text (UTF-16). In Excel, save it again as 'CSV UTF-8 (Comma delimited)' or as 'Excel Workbook (XLSX)'.</translation>
    </message>
    <message>
        <source>{line}번째 줄에 NUL 문자(0x00)가 있습니다. 텍스트(CSV) 파일이 아니거나 손상된 파일입니다. 만든 프로그램에서 CSV나 XLSX로 다시 저장하십시오.</source>
        <translation>Line {line} contains a NUL character (0x00). The file is not a text (CSV) file, or it is damaged. Save it again as CSV or XLSX from the program that made it.</translation>
    </message>
    <message>
        <source>{line}번째 줄은 UTF-8이 아닙니다(CP949로 저장된 줄로 보입니다). 앞의 줄은 UTF-8이어서, 인코딩이 다른 두 파일을 이어 붙인 것으로 보입니다. 원래 파일을 하나씩 가져오거나 같은 인코딩으로 저장해 다시 합치십시오.</source>
        <translation>Line {line} is not UTF-8 (it looks like a line saved as CP949). The lines before it are UTF-8, so two files with different encodings seem to have been joined. Import the original files one by one, or save them in the same encoding and join them again.</translation>
    </message>
    <message>
        <source>{line}번째 줄은 CP949(EUC-KR)가 아닙니다(UTF-8로 저장된 줄로 보입니다). 앞의 줄은 CP949여서, 인코딩이 다른 두 파일을 이어 붙인 것으로 보입니다. 원래 파일을 하나씩 가져오거나 같은 인코딩으로 저장해 다시 합치십시오.</source>
        <translation>Line {line} is not CP949 (EUC-KR) (it looks like a line saved as UTF-8). The lines before it are CP949, so two files with different encodings seem to have been joined. Import the original files one by one, or save them in the same encoding and join them again.</translation>
    </message>
    <message>
        <source>{line}번째 줄의 {column}번째 바이트(0x{byte})부터 UTF-8로도 CP949(EUC-KR)로도 읽을 수 없습니다. 손상되었거나 다른 인코딩의 파일입니다. 엑셀에서 'CSV UTF-8(쉼표로 분리)'로 다시 저장하십시오.</source>
        <translation>From byte {column} of line {line} (0x{byte}) the file reads neither as UTF-8 nor as CP949 (EUC-KR). It is damaged or in another encoding. In Excel, save it again as 'CSV UTF-8 (Comma delimited)'.</translation>
    </message>
    <message>
        <source>입력한 글에 저장할 수 없는 깨진 문자(짝이 없는 유니코드 대리 문자)가 있습니다. 그 부분을 지우고 다시 입력하십시오.</source>
        <translation>The text holds a broken character that cannot be stored (an unpaired Unicode surrogate). Delete it and type the text again.</translation>
    </message>
    <message>
        <source>{label}에 보이지 않는 제어 문자(탭, 줄바꿈, ESC 등)나 글자 방향을 바꾸는 문자가 있습니다. 그 문자를 지우고 다시 입력하십시오.</source>
        <translation>{label} holds an invisible control character (a tab, a line break, ESC …) or a character that changes the text direction. Delete it and type the text again.</translation>
    </message>
    <message>
        <source>다른 사용자(또는 명령)가 데이터베이스에 저장하는 중이라 {seconds}초를 기다렸지만 끝나지 않았습니다. 아무것도 저장하지 않았습니다. 잠시 뒤 다시 저장하십시오.</source>
        <translation>Another user (or a command) is saving to the database; waited {seconds} seconds but it did not finish. Nothing was saved. Please save again in a moment.</translation>
    </message>
    <message>
        <source>디스크가 가득 차서 저장하지 못했습니다. 아무것도 저장하지 않았습니다. 디스크 공간을 비운 뒤 다시 저장하십시오: {path}</source>
        <translation>The disk is full, so nothing was saved. Free some disk space and save again: {path}</translation>
    </message>
    <message>
        <source>데이터베이스 파일이나 폴더가 읽기 전용이라 저장하지 못했습니다. 아무것도 저장하지 않았습니다. 파일·폴더 권한(또는 USB의 쓰기 방지)을 확인한 뒤 다시 저장하십시오: {path}</source>
        <translation>The database file or its folder is read-only, so nothing was saved. Check the file and folder permissions (or the USB stick's write protection) and save again: {path}</translation>
    </message>
    <message>
        <source>데이터베이스 파일을 열 수 없습니다. 폴더가 없어졌거나 이름이 바뀌었거나, 네트워크 드라이브·USB가 빠졌을 수 있습니다. 아무것도 저장하지 않았습니다. 연결을 확인한 뒤 다시 시도하십시오: {path}</source>
        <translation>The database file cannot be opened. Its folder may have been removed or renamed, or a network drive or USB stick disconnected. Nothing was saved. Check the connection and try again: {path}</translation>
    </message>
    <message>
        <source>데이터베이스 파일을 읽거나 쓰는 중 디스크 오류가 났습니다. 아무것도 저장하지 않았습니다. 드라이브 연결을 확인한 뒤 다시 시도하고, 되풀이되면 관리자에게 알리십시오: {path}</source>
        <translation>A disk error occurred while reading or writing the database file. Nothing was saved. Check the drive's connection and try again; if it happens again, tell the administrator: {path}</translation>
    </message>
    <message>
        <source>저장할 폴더가 없습니다: {folder}
다른 폴더를 고르거나 폴더를 만든 뒤 다시 저장하십시오.</source>
        <translation>The folder does not exist: {folder}
Choose another folder, or create it, and save again.</translation>
    </message>
    <message>
        <source>이 폴더에는 쓸 수 없습니다(읽기 전용이거나 권한 없음): {folder}
다른 폴더를 고르십시오.</source>
        <translation>This folder cannot be written to (read-only or no permission): {folder}
Choose another folder.</translation>
    </message>
    <message>
        <source>디스크가 가득 차서 파일을 저장하지 못했습니다: {path}
공간을 비우거나 다른 드라이브에 저장하십시오.</source>
        <translation>The disk is full; the file was not saved: {path}
Free some space or save to another drive.</translation>
    </message>
    <message>
        <source>다른 프로그램(예: 엑셀)이 이 파일을 열고 있어 저장하지 못했습니다: {path}
그 프로그램에서 파일을 닫거나 다른 이름으로 저장하십시오.</source>
        <translation>Another program (such as Excel) has this file open, so it was not saved: {path}
Close the file there or save under another name.</translation>
    </message>
    <message>
        <source>양식 번호</source>
        <translation>Form no.</translation>
    </message>
    <message>
        <source>개선과제 제목</source>
        <translation>Action title</translation>
    </message>
    <message>
        <source>개선 조치</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>전자우편</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>전화번호</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>상세주소</source>
        <translation>Address details</translation>
    </message>
    <message>
        <source>법정동코드</source>
        <translation>Legal dong code</translation>
    </message>
    <message>
        <source>동</source>
        <translation>Dong</translation>
    </message>
    <message>
        <source>응답일</source>
        <translation>Response date</translation>
    </message>
    <message>
        <source>설문 코드(--survey)</source>
        <translation>Survey code (--survey)</translation>
    </message>
    <message>
        <source>열 연결 파일(--mapping)</source>
        <translation>Column mapping file (--mapping)</translation>
    </message>
    <message>
        <source>알 수 없는 설문 서식입니다: {name}</source>
        <translation>Unknown survey template: {name}</translation>
    </message>
    <message>
        <source>로그인 ID 또는 비밀번호가 맞지 않습니다. 비밀번호를 {count}번 잇달아 틀리면 계정이 잠깁니다.</source>
        <translation>Wrong login ID or password. The account locks after {count} wrong passwords in a row.</translation>
    </message>
    <message>
        <source>비밀번호를 {count}번 틀려 계정이 잠겼습니다. 잠기지 않은 다른 관리자가 없으므로 {minutes}분 뒤에 다시 로그인할 수 있습니다.</source>
        <translation>The account is locked after {count} wrong passwords. As no other administrator is unlocked, it can sign in again after {minutes} minutes.</translation>
    </message>
    <message>
        <source>PIN은 숫자 4~8자리입니다.</source>
        <translation>The PIN is 4 to 8 digits.</translation>
    </message>
    <message>
        <source>키오스크에는 익명 설문만 쓸 수 있습니다. 설문 {survey}은(는) 민원·주민과 연결하는 설문입니다.</source>
        <translation>Only an anonymous survey can run on the kiosk. Survey {survey} links answers to cases and residents.</translation>
    </message>
    <message>
        <source>키오스크에 보일 설문과 PIN이 아직 정해지지 않았습니다. 관리자가 만족도 조사 화면의 '키오스크 설정'에서 정하십시오.</source>
        <translation>The kiosk's survey and PIN are not set yet. An administrator sets them under 'Kiosk settings' on the satisfaction survey screen.</translation>
    </message>
    <message>
        <source>설문 답은 통화 결과가 '응답'일 때만 기록할 수 있습니다.</source>
        <translation>Survey answers can be recorded only when the call outcome is 'answered'.</translation>
    </message>
    <message>
        <source>응답 날짜가 올바르지 않습니다(2000년 이후, 오늘 이전): {value}</source>
        <translation>The response date is not valid (from 2000 up to today): {value}</translation>
    </message>
    <message>
        <source>알 수 없는 구분입니다: {value}</source>
        <translation>Unknown breakdown: {value}</translation>
    </message>
    <message>
        <source>1차와 2차 입력이 {count}개 문항에서 다릅니다. 종이 설문지를 보고 다시 입력하십시오.</source>
        <translation>The first and second entries differ in {count} items. Check the paper form and enter it again.</translation>
    </message>
    <message>
        <source>알 수 없는 응답 방식입니다: {value}</source>
        <translation>Unknown response mode: {value}</translation>
    </message>
    <message>
        <source>표본틀 크기({population})가 응답 수({n})보다 작습니다.</source>
        <translation>The frame ({population}) is smaller than the number of answers ({n}).</translation>
    </message>
    <message>
        <source>{day}은(는) 쉬는 날 목록에 없습니다.</source>
        <translation>{day} is not in the list of days off.</translation>
    </message>
    <message>
        <source>그 고객집단을 찾을 수 없습니다. 목록을 새로 고쳐 보십시오.</source>
        <translation>That customer group no longer exists. Refresh the list.</translation>
    </message>
    <message>
        <source>'{name}'은(는) 저장한 검색이 아니어서 지울 수 없습니다. 기본·지정 집단은 그대로 둡니다.</source>
        <translation>'{name}' is not a saved search and cannot be removed. Built-in and assigned groups stay.</translation>
    </message>
    <message>
        <source>저장할 검색 조건이 없습니다. 검색어를 넣거나 동·고객집단·나이를 고른 뒤 저장하십시오.</source>
        <translation>There is nothing to save. Type a search or choose a dong, customer group or age first.</translation>
    </message>
    <message>
        <source>파일이 없습니다: {path}</source>
        <translation>The file does not exist: {path}</translation>
    </message>
    <message>
        <source>파일이 너무 큽니다(최대 {max_mb}MB). 나누어 가져오십시오.</source>
        <translation>The file is too large (at most {max_mb} MB). Import it in parts.</translation>
    </message>
    <message>
        <source>파일에 자료가 없습니다.</source>
        <translation>The file holds no data.</translation>
    </message>
    <message>
        <source>엑셀 파일을 읽을 수 없습니다: {detail}</source>
        <translation>The Excel file cannot be read: {detail}</translation>
    </message>
    <message>
        <source>성별 값을 알 수 없습니다: {value} (남/여)</source>
        <translation>Unknown gender: {value} (남/여)</translation>
    </message>
    <message>
        <source>연락 방법을 알 수 없습니다: {value} (방문/전화/문자/우편/이메일/인터넷)</source>
        <translation>Unknown contact channel: {value} (방문/전화/문자/우편/이메일/인터넷)</translation>
    </message>
    <message>
        <source>열 연결이 올바르지 않습니다: {detail}</source>
        <translation>The column mapping is not valid: {detail}</translation>
    </message>
    <message>
        <source>보유 기간은 1~120개월 사이로 입력하십시오.</source>
        <translation>The retention period must be 1 to 120 months.</translation>
    </message>
    <message>
        <source>없는 고객집단입니다: {value}</source>
        <translation>No such customer group: {value}</translation>
    </message>
    <message>
        <source>가져오기를 취소했습니다. 아무것도 저장하지 않았습니다.</source>
        <translation>Import cancelled. Nothing was saved.</translation>
    </message>
    <message>
        <source>내보낼 파일은 .xlsx 또는 .csv여야 합니다.</source>
        <translation>The export file must be .xlsx or .csv.</translation>
    </message>
    <message>
        <source>데모 데이터 생성을 취소했습니다. 아무것도 저장하지 않았습니다.</source>
        <translation>Demo data cancelled. Nothing was saved.</translation>
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
        <source>열 수 없는 데이터베이스 주소입니다: {url}
이 버전이 여는 것은 SQLite 데이터베이스 파일과 PostgreSQL 서버입니다. 파일의 경로나 sqlite:///경로(예: sqlite:///C:/PCRM/pcrm.db), 서버는 postgresql://사용자@서버:5432/데이터베이스 형식으로 지정하십시오. 아무것도 만들지 않았습니다.</source>
        <translation>This database address cannot be opened: {url}
This version opens SQLite database files and PostgreSQL servers. Give a file's path or sqlite:///PATH (for example sqlite:///C:/PCRM/pcrm.db), or a server as postgresql://USER@SERVER:5432/DATABASE. Nothing was created.</translation>
    </message>
    <message>
        <source>열 '{column}'(문항 {item_code})의 값 '{value}'은(는) 받을 수 없습니다. {low}~{high}의 정수만 됩니다(반점수·범위 밖 값은 고치지 않음).</source>
        <translation>Column '{column}' (item {item_code}): the value '{value}' cannot be accepted. Only whole numbers from {low} to {high} are valid (half points and out-of-range values are not corrected).</translation>
    </message>
    <message>
        <source>열 '{column}'(문항 {item_code})의 값 '{value}'은(는) 이 문항의 답이 될 수 없습니다.</source>
        <translation>Column '{column}' (item {item_code}): the value '{value}' is not a valid answer to this item.</translation>
    </message>
    <message>
        <source>열 '{column}'(문항 {item_code})의 값 '{value}'은(는) 해당없음인데, 이 문항은 해당없음을 받지 않습니다.</source>
        <translation>Column '{column}' (item {item_code}): the value '{value}' means "not applicable", which this item does not allow.</translation>
    </message>
    <message>
        <source>열 '{column}'(문항 {item_code})이(가) 비어 있습니다. 꼭 답해야 하는 문항입니다.</source>
        <translation>Column '{column}' (item {item_code}) is empty. This item must be answered.</translation>
    </message>
    <message>
        <source>검사한 뒤에 설문 {survey}의 문항이 바뀌었습니다. 다시 검사하십시오. 아무것도 저장하지 않았습니다.</source>
        <translation>The questions of survey {survey} changed after the check. Check again. Nothing was saved.</translation>
    </message>
    <message>
        <source>쉬는 날 이름</source>
        <translation>Name of the day off</translation>
    </message>
    <message>
        <source>분류 이름</source>
        <translation>Category name</translation>
    </message>
    <message>
        <source>제목</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>통지문</source>
        <translation>Notice text</translation>
    </message>
    <message>
        <source>기간 시작(--from)</source>
        <translation>Start of the period (--from)</translation>
    </message>
    <message>
        <source>기간 끝(--to)</source>
        <translation>End of the period (--to)</translation>
    </message>
    <message>
        <source>접수일시</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>국민신문고 신청번호</source>
        <translation>e-People application number</translation>
    </message>
    <message>
        <source>연장 기한</source>
        <translation>New due date</translation>
    </message>
    <message>
        <source>이송 기관</source>
        <translation>Agency transferred to</translation>
    </message>
    <message>
        <source>처리 결과</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>회신 내용</source>
        <translation>Answer</translation>
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
    <message>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>메모</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>상담 내용</source>
        <translation>summary</translation>
    </message>
    <message>
        <source>고객집단 이름</source>
        <translation>customer group name</translation>
    </message>
    <message>
        <source>동의 목적</source>
        <translation>consent purpose</translation>
    </message>
    <message>
        <source>동의 항목</source>
        <translation>consent items</translation>
    </message>
    <message>
        <source>복사할 원본은 이 PC의 데이터베이스 파일이어야 합니다: {url}
--db에 파일 경로(예: C:/PCRM/pcrm.db)를 지정하십시오. 아무것도 바꾸지 않았습니다.</source>
        <translation>The source to copy must be a database file on this PC: {url}
Give a file's path with --db (for example C:/PCRM/pcrm.db). Nothing was changed.</translation>
    </message>
    <message>
        <source>복사할 곳은 PostgreSQL 서버의 데이터베이스여야 합니다: {url}
postgresql://사용자@서버:5432/데이터베이스 형식으로 지정하십시오. 파일끼리의 사본은 'pcrm backup --out'으로 만드십시오. 아무것도 바꾸지 않았습니다.</source>
        <translation>The copy must go to a database on a PostgreSQL server: {url}
Give it as postgresql://USER@SERVER:5432/DATABASE. Copies of a file to a file are made with 'pcrm backup --out'. Nothing was changed.</translation>
    </message>
    <message>
        <source>원본 파일의 스키마({revision})가 이 버전({head})과 다릅니다: {path}
원본은 읽기만 하므로 여기서 업그레이드하지 않습니다. 먼저 'pcrm init --db 파일'로 업그레이드(백업을 먼저 만듦)한 뒤 다시 복사하십시오. 아무것도 바꾸지 않았습니다.</source>
        <translation>The source file's schema ({revision}) differs from this version's ({head}): {path}
The source is only read, so it is not upgraded here. Upgrade it first with 'pcrm init --db FILE' (which makes a backup first), then copy again. Nothing was changed.</translation>
    </message>
    <message>
        <source>원본 파일의 접속기록을 이 PC에서 검증할 수 없어 복사하지 않았습니다: {path}
{entry}번 기록에서 멈춤({problem}, {key}). 서버에 도착한 뒤에도 검증할 수 없기 때문입니다. 'pcrm audit verify --db 파일'로 원인을 확인하십시오. 다른 PC의 키가 없으면 그 PC에서 키를 내보내 이 PC로 가져오십시오. 파일과 서버 모두 바꾸지 않았습니다.</source>
        <translation>The source file's access log cannot be verified on this PC, so nothing was copied: {path}
It stops at entry {entry} ({problem}, {key}). It could not be verified on the server after arriving either. Find out why with 'pcrm audit verify --db FILE'. If another PC's key is missing, export the key on that PC and import it on this one. Neither the file nor the server was changed.</translation>
    </message>
    <message>
        <source>비어 있지 않은 데이터베이스에는 복사하지 않습니다: {server}
이미 있는 것: {what}
서버에 새 빈 데이터베이스를 만들어 그곳으로 복사하십시오('pcrm init'이나 프로그램으로 먼저 열지 마십시오: 여는 순간 접속기록이 시작됩니다). 아무것도 바꾸지 않았습니다.</source>
        <translation>A database that is not empty is not copied into: {server}
Already there: {what}
Make a new empty database on the server and copy into it (do not open it with 'pcrm init' or the program first: opening it starts its access log). Nothing was changed.</translation>
    </message>
    <message>
        <source>서버가 원본의 {table} 표 자료를 받지 않아 복사를 취소했습니다: {detail}
서버 데이터베이스는 복사 전처럼 비어 있고 원본 파일은 바뀌지 않았습니다.</source>
        <translation>The server did not accept the source's {table} data, so the copy was cancelled: {detail}
The server database is as empty as before the copy, and the source file was not changed.</translation>
    </message>
    <message>
        <source>복사한 결과가 원본과 달라 복사를 취소했습니다: {what}
서버 데이터베이스는 복사 전처럼 비어 있고 원본 파일은 바뀌지 않았습니다. 전산 담당자에게 알리십시오.</source>
        <translation>The copy differs from the source, so it was cancelled: {what}
The server database is as empty as before the copy, and the source file was not changed. Tell your IT staff.</translation>
    </message>
    <message>
        <source>서버에 도착한 접속기록이 원본처럼 검증되지 않아 복사를 취소했습니다({entry}번 기록, {problem}).
서버 데이터베이스는 복사 전처럼 비어 있고 원본 파일은 바뀌지 않았습니다. 전산 담당자에게 알리십시오.</source>
        <translation>The access log that arrived on the server does not verify like the source's, so the copy was cancelled (entry {entry}, {problem}).
The server database is as empty as before the copy, and the source file was not changed. Tell your IT staff.</translation>
    </message>
    <message>
        <source>서버에 연결할 수 없습니다: {server}
서버 PC가 켜져 있는지, 네트워크 연결과 서버 주소·포트를 확인하십시오. 아무것도 저장하지 않았습니다. 연결된 뒤 다시 시도하십시오.</source>
        <translation>Cannot connect to the server: {server}
Check that the server PC is on, and the network connection, the server's address and port. Nothing was saved. Try again once connected.</translation>
    </message>
    <message>
        <source>서버에 접속하지 못했습니다: {server}
사용자 이름, 암호 또는 데이터베이스 이름이 맞지 않습니다. 사무실 전산 담당자에게 연결 설정을 확인받으십시오. 아무것도 저장하지 않았습니다.</source>
        <translation>Could not sign in to the server: {server}
The user name, password or database name is wrong. Ask the office's IT contact to check the connection settings. Nothing was saved.</translation>
    </message>
    <message>
        <source>서버가 제한 시간 안에 작업을 끝내지 못해 취소했습니다: {server}
아무것도 저장하지 않았습니다. 잠시 뒤 다시 시도하고, 계속되면 전산 담당자에게 알리십시오.</source>
        <translation>The server did not finish in time, so the work was cancelled: {server}
Nothing was saved. Try again in a moment; if it keeps happening, tell your IT staff.</translation>
    </message>
    <message>
        <source>서버 백업은 빈 데이터베이스에만 복원합니다: {server}
이 데이터베이스에는 이미 표가 있습니다. 서버에서 새 데이터베이스를 만든 뒤 그 주소로 복원하십시오. 아무것도 바꾸지 않았습니다.</source>
        <translation>A server backup is restored into an empty database only: {server}
This database already has tables. Make a new database on the server and restore to its address. Nothing was changed.</translation>
    </message>
    <message>
        <source>복원하지 못했습니다 ({detail}). 복원은 한 번에 하므로 데이터베이스는 빈 그대로입니다.</source>
        <translation>Could not restore ({detail}). A restore is done at once, so the database is still empty.</translation>
    </message>
    <message>
        <source>서버 데이터베이스의 백업은 파일로 만듭니다: 'pcrm backup --db 서버주소 [--out 파일]'. 이 명령({what})은 이 PC의 SQLite 파일에만 쓸 수 있습니다.</source>
        <translation>Backups of a server database are made as files: 'pcrm backup --db SERVER-URL [--out FILE]'. This command ({what}) works only on a SQLite file on this PC.</translation>
    </message>
    <message>
        <source>이 PC가 쓰는 서버 계정에는 이 작업을 할 권한이 없습니다: {server}
보존기간 파기, 업그레이드, 서버 백업의 복원은 서버 관리자 계정(소유자)으로 하십시오. 아무것도 바꾸지 않았습니다.</source>
        <translation>The server account this PC uses is not allowed to do this: {server}
Retention runs, upgrades and restoring a server backup are done with the server's administrator account (the owner). Nothing was changed.</translation>
    </message>
    <message>
        <source>데이터베이스 역할 이름이 올바르지 않습니다: {role} (영문 소문자, 숫자, _ 63자까지).</source>
        <translation>This database role name is not valid: {role} (lower-case letters, digits and _, at most 63).</translation>
    </message>
    <message>
        <source>{role}은(는) 테이블을 가진 소유자 역할입니다. 직원 PC가 접속할 역할은 소유자와 다른 이름이어야 합니다.</source>
        <translation>{role} is the role that owns the tables. The role the staff PCs connect with must have another name.</translation>
    </message>
    <message>
        <source>{role}은(는) 슈퍼유저(또는 행 보안 우회) 역할이라 권한 제한이 적용되지 않습니다. 직원 PC용으로 다른 역할 이름을 쓰십시오.</source>
        <translation>{role} is a superuser (or bypasses row security), so no limits apply to it. Use another role name for the staff PCs.</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>프린터를 열 수 없습니다.</source>
        <translation>The printer cannot be opened.</translation>
    </message>
    <message>
        <source>인쇄 준비 중…</source>
        <translation>Preparing to print…</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>요약</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>민원</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>추이</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>고객집단</source>
        <translation>Customer groups</translation>
    </message>
    <message>
        <source>만족도</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>계정별 기록 수</source>
        <translation>Entries per account</translation>
    </message>
    <message>
        <source>이상 징후</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>출력·반출 목록</source>
        <translation>Prints and exports</translation>
    </message>
    <message>
        <source>무결성 검사</source>
        <translation>Check integrity</translation>
    </message>
    <message>
        <source>무결성 검사 {n}건</source>
        <translation>Checking integrity: {n} entries</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>검사</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>저장</source>
        <translation>Saving</translation>
    </message>
    <message>
        <source>데이터베이스를 복사하는 중…</source>
        <translation>Copying the database…</translation>
    </message>
    <message>
        <source>백업 파일을 이 PC로 복사하는 중…</source>
        <translation>Copying the backup file to this PC…</translation>
    </message>
    <message>
        <source>암호화하는 중…</source>
        <translation>Encrypting…</translation>
    </message>
    <message>
        <source>암호를 푸는 중…</source>
        <translation>Decrypting…</translation>
    </message>
    <message>
        <source>백업을 검사하는 중…</source>
        <translation>Checking the backups…</translation>
    </message>
    <message>
        <source>지금 데이터를 복원 전 백업으로 남기는 중…</source>
        <translation>Keeping the current data as a before-restore backup…</translation>
    </message>
    <message>
        <source>백업을 데이터베이스에 쓰는 중…</source>
        <translation>Writing the backup into the database…</translation>
    </message>
    <message>
        <source>대상 고르기</source>
        <translation>Choosing the records</translation>
    </message>
    <message>
        <source>데이터베이스 파일 정리</source>
        <translation>Compacting the database file</translation>
    </message>
    <message>
        <source>완료</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>retention</name>
    <message>
        <source>종결 민원</source>
        <translation>Finished complaints</translation>
    </message>
    <message>
        <source>처리 완료일부터</source>
        <translation>from the day it was finished</translation>
    </message>
    <message>
        <source>민원 처리 기록의 보존기간(공공기록물 관리에 관한 법률 시행령 별표 1, 기관 기록관리기준표의 민원 단위업무: 대개 5년)에 맞춤. 통계는 남기고 사람과의 연결만 없앱니다.</source>
        <translation>Follows the retention of complaint-handling records (Enforcement Decree of the Public Records Management Act, Annex 1, and the office's records schedule for complaint work: usually 5 years). The statistics stay; only the link to the person goes.</translation>
    </message>
    <message>
        <source>익명 처리: 민원인 연결·제목·내용·장소·회신·외부 번호·처리 메모를 지우고 첨부 파일은 덮어쓴 뒤 삭제, 해피콜·설문 연결 삭제. 분류·부서·경로·종류·접수/기한/완료일은 통계용으로 유지</source>
        <translation>Anonymised: applicant link, title, content, place, answer, outside numbers and handling notes erased; attachments overwritten and deleted; happy calls and survey links deleted. Category, department, channel, type and received/due/finished dates kept for statistics</translation>
    </message>
    <message>
        <source>주민 기록</source>
        <translation>Resident records</translation>
    </message>
    <message>
        <source>마지막 변경·상담·설문 응답부터</source>
        <translation>from the last change, contact or answer</translation>
    </message>
    <message>
        <source>개인정보 보호법 제21조(목적을 이룬 개인정보는 지체 없이 파기). 민원이 남아 있거나 유효한 동의가 있으면 지우지 않습니다.</source>
        <translation>Personal Information Protection Act, Art. 21 (personal data whose purpose is met is destroyed without delay). A resident with a complaint still on file or a running consent is kept.</translation>
    </message>
    <message>
        <source>삭제: 주민 기록과 전화번호·검색 색인·고객집단·동의·상담 이력·설문 연결, 접속기록 상세 내용은 비움(해시 체인 유지)</source>
        <translation>Deleted: the resident record with phones, search index, customer groups, consents, contact history and survey links; access-log details emptied (hash chain kept)</translation>
    </message>
    <message>
        <source>상담 이력</source>
        <translation>Contact history</translation>
    </message>
    <message>
        <source>상담일부터</source>
        <translation>from the day of the contact</translation>
    </message>
    <message>
        <source>개인정보 보호법 제21조. 주민 기록과 같은 기간이 기본입니다.</source>
        <translation>Personal Information Protection Act, Art. 21. By default the same period as resident records.</translation>
    </message>
    <message>
        <source>삭제: 상담 기록(내용 포함)</source>
        <translation>Deleted: contact records (with their notes)</translation>
    </message>
    <message>
        <source>해피콜 기록</source>
        <translation>Happy-call records</translation>
    </message>
    <message>
        <source>마지막 통화(표본 추출)일부터</source>
        <translation>from the last call (or the sampling)</translation>
    </message>
    <message>
        <source>만족도 확인이라는 목적은 통화로 끝남. 전년 같은 달과 비교할 수 있게 1년.</source>
        <translation>The purpose (checking satisfaction) ends with the call; one year, so a month can be compared with the same month a year before.</translation>
    </message>
    <message>
        <source>삭제: 해피콜과 통화 시도 기록(메모 포함)</source>
        <translation>Deleted: happy calls and their call attempts (with notes)</translation>
    </message>
    <message>
        <source>설문 응답 연결</source>
        <translation>Survey response links</translation>
    </message>
    <message>
        <source>응답일부터</source>
        <translation>from the day of the response</translation>
    </message>
    <message>
        <source>응답과 사람·민원의 연결은 회신 요청과 분석에만 필요. 익명 응답(답)은 통계로 남습니다.</source>
        <translation>The link between a response and a person or complaint is needed only for call-backs and analysis. The anonymous answers stay as statistics.</translation>
    </message>
    <message>
        <source>삭제: 응답↔민원·주민 연결, 끝난 회신 요청의 민원 연결·메모(열린 회신 요청은 끝날 때까지 둠)</source>
        <translation>Deleted: response↔complaint/resident links, and the complaint link and note of finished call-backs (an open call-back keeps its link until it is done)</translation>
    </message>
    <message>
        <source>접속기록</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>기록 일시부터</source>
        <translation>from the time of the entry</translation>
    </message>
    <message>
        <source>개인정보의 안전성 확보조치 기준 제8조: 5만 명 이상의 정보주체를 처리하는 시스템은 2년 이상 보관(최소 24개월). 점검과 분쟁 대비로 3년이 기본입니다.</source>
        <translation>Standards for Securing the Safety of Personal Information, Art. 8: systems holding 50,000 or more people keep access logs at least 2 years (minimum 24 months). 3 years by default, for reviews and disputes.</translation>
    </message>
    <message>
        <source>삭제: 기간이 지난 접속기록. 해시 체인의 시작점을 옮겨 남은 기록의 검증은 그대로</source>
        <translation>Deleted: access-log entries past their period. The hash chain's start moves, so the remaining entries still verify</translation>
    </message>
</context>
<context>
    <name>surveys</name>
    <message>
        <source>민원 만족도 (기본)</source>
        <translation>Complaint satisfaction (default)</translation>
    </message>
    <message>
        <source>창구 (시설 문항 포함)</source>
        <translation>Counter (with facilities)</translation>
    </message>
    <message>
        <source>해피콜 (전화 3문항)</source>
        <translation>Happy call (3 questions by phone)</translation>
    </message>
    <message>
        <source>하나 고르기</source>
        <translation>Single choice</translation>
    </message>
    <message>
        <source>여러 개 고르기</source>
        <translation>Multiple choice</translation>
    </message>
    <message>
        <source>5점 척도</source>
        <translation>5-point scale</translation>
    </message>
    <message>
        <source>7점 척도</source>
        <translation>7-point scale</translation>
    </message>
    <message>
        <source>척도 묶음(행렬)</source>
        <translation>Scale matrix</translation>
    </message>
    <message>
        <source>0–10 추천</source>
        <translation>0–10 recommend</translation>
    </message>
    <message>
        <source>짧은 글</source>
        <translation>Short text</translation>
    </message>
    <message>
        <source>긴 글</source>
        <translation>Long text</translation>
    </message>
    <message>
        <source>숫자</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>날짜</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>예/아니오</source>
        <translation>Yes/No</translation>
    </message>
</context>
</TS>