; PCRM Desktop: the Windows installer (NSIS 3, Unicode). A per-user installation: no
; administrator rights, nothing written outside the user's profile.
;
;   makensis /DVERSION=0.1.0 /DBUNDLE=..\..\dist\PCRM-Desktop /DSTAGE=..\..\build\stage pcrm.nsi
;
; BUNDLE is the one-folder program installer/build.py made with PyInstaller ON WINDOWS
; (pcrm-desktop.exe, pcrm.exe, _internal\); STAGE holds the icon build.py rendered. The steps
; are in installer/README.md. Installs to %LOCALAPPDATA%\Programs\PCRM Desktop, adds Start-menu
; and desktop shortcuts and an entry in 설정 > 앱; runs the self-test once at the end.
; The office's data (%APPDATA%\PCRM\PCRM Desktop: pcrm.db, backups, logs) is never in the
; program folder: uninstalling keeps it unless the user says yes to removing it (a silent
; uninstall, /S, always keeps it).

Unicode true
!ifdef NO_COMPRESSION  ; CI's compile check: the same script in seconds instead of minutes
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif
RequestExecutionLevel user
ManifestDPIAware true

!ifndef VERSION
  !error "makensis /DVERSION=x.y.z: the version of pcrm_desktop (build.py prints it)"
!endif
!ifndef BUNDLE
  !define BUNDLE "..\..\dist\PCRM-Desktop"
!endif
!ifndef STAGE
  !define STAGE "..\..\build\stage"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\PCRM-Desktop-${VERSION}-setup.exe"
!endif

!define APP_NAME "PCRM Desktop"
!define APP_KO "PCRM 민원·고객관리"
!define GUI_EXE "pcrm-desktop.exe"
!define CLI_EXE "pcrm.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\PCRM Desktop"
; the installer's own key; "Software\PCRM\PCRM Desktop" is the program's settings (Qt's
; QSettings: language, font size, last login, window layout), kept unless the data is removed
!define SETUP_KEY "Software\PCRM\PCRM Desktop Setup"
!define QT_SETTINGS_KEY "Software\PCRM\PCRM Desktop"
!define DATA_DIR "$APPDATA\PCRM\PCRM Desktop"

Name "${APP_KO} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\PCRM Desktop"
InstallDirRegKey HKCU "${SETUP_KEY}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1042 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1042 "FileDescription" "${APP_KO} 설치 프로그램"
VIAddVersionKey /LANG=1042 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1042 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1042 "CompanyName" "PCRM"
VIAddVersionKey /LANG=1042 "LegalCopyright" "PCRM Desktop; 포함 구성요소는 THIRD_PARTY_LICENSES.txt"

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "${STAGE}\pcrm-desktop.ico"
!define MUI_UNICON "${STAGE}\pcrm-desktop.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "지금 ${APP_KO} 시작"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Korean"
!insertmacro MUI_LANGUAGE "English"

;  A running program's executable cannot be opened for writing: that is how a running copy is
; found, the window or the command-line tool (a scheduled `pcrm retention` or `pcrm backup`).
; Asked before any file is touched; 다시 시도 after closing it, or 취소.
!macro WAIT_UNTIL_CLOSED UN WHAT
Function ${UN}WaitUntilClosed
  again:
  StrCpy $1 ""
  ${If} ${FileExists} "$INSTDIR\${GUI_EXE}"
    ClearErrors
    FileOpen $0 "$INSTDIR\${GUI_EXE}" a
    ${If} ${Errors}
      StrCpy $1 "${GUI_EXE}"
    ${Else}
      FileClose $0
    ${EndIf}
  ${EndIf}
  ${If} ${FileExists} "$INSTDIR\${CLI_EXE}"
    ClearErrors
    FileOpen $0 "$INSTDIR\${CLI_EXE}" a
    ${If} ${Errors}
      StrCpy $1 "${CLI_EXE}"
    ${Else}
      FileClose $0
    ${EndIf}
  ${EndIf}
  ${If} $1 != ""
    MessageBox MB_ICONEXCLAMATION|MB_RETRYCANCEL "${APP_KO}($1)이(가) 실행 중입니다.$\r$\n프로그램(예약 작업 포함)을 닫은 뒤 [다시 시도]를 누르십시오. [취소]하면 ${WHAT}하지 않습니다." /SD IDCANCEL IDRETRY again
    Quit
  ${EndIf}
FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_CLOSED "" "설치"
!insertmacro WAIT_UNTIL_CLOSED "un." "제거"

; The folder chosen must be new, empty, or this program's: an update removes _internal\ first,
; which in a shared folder could be another program's.
Function .onVerifyInstDir
  ${If} ${FileExists} "$INSTDIR\uninstall.exe"
  ${OrIf} ${FileExists} "$INSTDIR\${GUI_EXE}"
    Return
  ${EndIf}
  FindFirst $0 $1 "$INSTDIR\*.*"
  ${DoWhile} $1 != ""
    ${If} $1 != "."
    ${AndIf} $1 != ".."
      FindClose $0
      Abort  ; another program's or the user's files: 다음 stays disabled
    ${EndIf}
    FindNext $0 $1
  ${Loop}
  FindClose $0
FunctionEnd

Function .onInit
  Call WaitUntilClosed
FunctionEnd

Function un.onInit
  Call un.WaitUntilClosed
FunctionEnd

Section "${APP_KO}" SecMain
  SectionIn RO
  Call WaitUntilClosed  ; again: the folder may have been changed on the directory page
  SetOutPath "$INSTDIR"
  ; an update replaces the whole program folder (never the data folder, which is elsewhere)
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP_KO}"
  CreateShortcut "$SMPROGRAMS\${APP_KO}\${APP_KO}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_KO}\자가진단.lnk" "$INSTDIR\${GUI_EXE}" "--self-test" "$INSTDIR\${GUI_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_KO}\사용자 안내서.lnk" "$INSTDIR\${GUI_EXE}" "--guide" "$INSTDIR\${GUI_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_KO}\제거.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APP_KO}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0

  WriteRegStr HKCU "${SETUP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_KO} (${APP_NAME})"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "PCRM"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1

  ; the installed program checks itself (temporary database, Hangul PDF, screen); the office's
  ; database is not opened. The report goes to the installation log shown on this page.
  DetailPrint "자가진단 중…"
  nsExec::ExecToLog /TIMEOUT=120000 '"$INSTDIR\${CLI_EXE}" self-test'
  Pop $0
  ${If} $0 != 0
    MessageBox MB_ICONEXCLAMATION|MB_OK "설치는 끝났지만 자가진단에서 문제가 발견되었습니다.$\r$\n설치 기록(자세히 보기)을 전산 담당자에게 보여 주십시오." /SD IDOK
  ${EndIf}
SectionEnd

Section "Uninstall"
  Delete "$DESKTOP\${APP_KO}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_KO}"
  ; only the program's own files: the folder may hold nothing else of the user's
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\THIRD_PARTY_LICENSES.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETUP_KEY}"

  ; The data folder stays unless the user explicitly asks (default: No; silent: No).
  ${If} ${FileExists} "${DATA_DIR}\*.*"
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "데이터베이스와 백업이 든 자료 폴더도 지우시겠습니까?$\r$\n${DATA_DIR}$\r$\n$\r$\n'아니요'를 누르면 자료를 그대로 남겨 두며, 다시 설치하면 이어서 쓸 수 있습니다.$\r$\n지우면 되돌릴 수 없습니다. (파기는 프로그램의 보존기간·파기 기능으로 하고 대장에 남기십시오.)" /SD IDNO IDYES remove_data
    Goto keep_data
    remove_data:
      RMDir /r "${DATA_DIR}"
      RMDir "$APPDATA\PCRM"
      DeleteRegKey HKCU "${QT_SETTINGS_KEY}"
      DeleteRegKey /ifempty HKCU "Software\PCRM"
    keep_data:
  ${EndIf}
SectionEnd
